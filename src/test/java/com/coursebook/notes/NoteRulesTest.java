package com.coursebook.notes;

import java.time.Instant;

import com.coursebook.shared.ConflictException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The note's own rules, without Spring: which fields apply, what signing needs, what holds a course. */
class NoteRulesTest {

    static final NoteFields GYNECOLOGICAL = NoteFields.forProgram("GYNECOLOGICAL_MASSAGE");

    static final NoteFields PROSTATE = NoteFields.forProgram("PROSTATE_MASSAGE");

    static final NoteFields HAEMORRHOID = NoteFields.forProgram("HAEMORRHOID_MASSAGE");

    @Test
    @DisplayName("the route is recorded only for gynecological massage, the secretion sample only for prostate massage")
    void fieldsFollowTheProgram() {
        assertThat(GYNECOLOGICAL).isEqualTo(new NoteFields(true, false));
        assertThat(PROSTATE).isEqualTo(new NoteFields(false, true));
        assertThat(HAEMORRHOID).isEqualTo(new NoteFields(false, false));
        NoteContent both = content(5, Position.SUPINE, Route.RECTAL, 0, 0, true, "PS-1", null, Trend.SAME);
        assertThat(GYNECOLOGICAL.notApplicable(both)).containsExactly("sampleTaken");
        assertThat(PROSTATE.notApplicable(both)).containsExactly("route");
        assertThat(HAEMORRHOID.notApplicable(both)).containsExactly("route", "sampleTaken");
    }

    @Test
    @DisplayName("signing needs duration, position, pain during and after (0 counts), trend; the route for "
            + "gynecological massage and a label for a sample taken")
    void signingNeeds() {
        assertThat(GYNECOLOGICAL.missingForSigning(NoteContent.EMPTY))
                .containsExactly("durationMinutes", "position", "route", "painDuring", "painAfter", "trend");
        assertThat(PROSTATE.missingForSigning(content(2, Position.KNEE_ELBOW, null, 0, 0, true, " ", null, Trend.SAME)))
                .containsExactly("sampleLabel");
        assertThat(PROSTATE.missingForSigning(content(2, Position.KNEE_ELBOW, null, 0, 0, false, null, null, Trend.SAME)))
                .isEmpty();
    }

    @Test
    @DisplayName("a new draft carries over position, route, technique and duration, never pain, findings or trend")
    void carryOver() {
        NoteContent previous = new NoteContent(10, Position.SUPINE, Route.VAGINAL, "Bimanual", Intensity.HIGHER, "Good",
                3, 4, "Adhesions on the left", false, null, true, "Dizziness", Trend.WORSE, "Call tomorrow");
        NoteContent carried = GYNECOLOGICAL.carriedOver(previous);
        assertThat(carried).isEqualTo(new NoteContent(10, Position.SUPINE, Route.VAGINAL, "Bimanual", null, null, null,
                null, null, false, null, false, null, null, null));
        assertThat(PROSTATE.carriedOver(previous).route()).isNull();
        assertThat(PROSTATE.carriedOver(null)).isEqualTo(NoteContent.EMPTY);
    }

    @Test
    @DisplayName("pain during or after a session at or above the program's threshold holds the course; below it, "
            + "nothing")
    void painAtTheProgramsThresholdHolds() {
        int gynecological = 4; // the catalog's default for gynecological massage
        assertThat(ReviewRule.reasons(gynecological, 3, content(5, null, null, 0, 6, false, null, null, null)))
                .containsExactly(new ReviewRule.Reason("note.review.painAfter", 6, 3));
        assertThat(ReviewRule.reasons(gynecological, 2, content(5, null, null, 4, 0, false, null, null, null)))
                .containsExactly(new ReviewRule.Reason("note.review.painDuring", 4, 2));
        assertThat(ReviewRule.reasons(gynecological, 5, content(5, null, null, 5, 7, false, null, null, null)))
                .containsExactly(new ReviewRule.Reason("note.review.painDuringAndAfter", 5, 7, 5));
        assertThat(ReviewRule.reasons(gynecological, 5, content(5, null, null, 2, 3, false, null, null, null)))
                .as("pain 2 and 3 of 10 is below the threshold").isEmpty();
        assertThat(ReviewRule.reasons(gynecological, 5, content(5, null, null, 0, 0, false, null, null,
                Trend.BETTER))).isEmpty();
        int prostate = 7; // the default for the others: severe pain
        assertThat(ReviewRule.reasons(prostate, 3, content(2, null, null, 5, 6, false, null, null, null))).isEmpty();
        assertThat(ReviewRule.reasons(prostate, 3, content(2, null, null, 7, 0, false, null, null, null)))
                .containsExactly(new ReviewRule.Reason("note.review.painDuring", 7, 3));
    }

    @Test
    @DisplayName("an adverse event marked yes or a worse condition holds a course of any program; a description "
            + "without yes (\"None\") is no event and is not kept")
    void adverseEventsAndWorseHoldAnyCourse() {
        assertThat(ReviewRule.reasons(7, 4,
                content(2, null, null, 0, 0, false, null, "Burning in the urethra for two hours", Trend.WORSE)))
                .containsExactly(new ReviewRule.Reason("note.review.adverseEvent", 4, "Burning in the urethra for two hours"),
                        new ReviewRule.Reason("note.review.worse", 4));
        NoteContent none = new NoteContent(2, null, null, null, null, null, 0, 0, null, false, null, false, "None",
                null, null);
        assertThat(ReviewRule.reasons(7, 1, none)).isEmpty();
        assertThat(none.adverseEvents()).isNull();
        String longEvent = "x".repeat(200);
        Object excerpt = ReviewRule.reasons(7, 1,
                content(2, null, null, 0, 0, false, null, longEvent, null)).get(0).arguments().get(1);
        assertThat((String) excerpt).hasSize(ReviewRule.EVENT_EXCERPT).endsWith("\u2026");
        assertThat(PROSTATE.missingForSigning(new NoteContent(2, Position.KNEE_ELBOW, null, null, null, null, 0, 0,
                null, false, null, true, " ", Trend.SAME, null))).as("yes says what happened")
                .containsExactly("adverseEvents");
    }

    @Test
    @DisplayName("a draft is edited and signed once; a signed note refuses edits and a second signature, "
            + "and only a signed note takes an amendment")
    void namedActs() {
        NoteAct.Of of = new NoteAct.Of(3L, 1);
        SessionNote note = SessionNote.draft(7L, NoteContent.EMPTY, "urologist", of);
        assertThatThrownBy(() -> note.amend("why", "what", "urologist", Instant.EPOCH, of))
                .isInstanceOf(ConflictException.class).hasMessage("note.amend.draft");
        NoteContent typed = content(2, Position.KNEE_ELBOW, null, 0, 1, false, "ignored", null, Trend.SAME);
        note.saveDraft(typed, of);
        assertThat(note.getContent().sampleLabel()).as("a label without a sample is dropped").isNull();

        note.sign("urologist", Instant.EPOCH, of);
        assertThat(note.getStatus()).isEqualTo(NoteStatus.SIGNED);
        assertThat(note.getSignedBy()).isEqualTo("urologist");
        assertThatThrownBy(() -> note.sign("gynecologist", Instant.EPOCH, of))
                .isInstanceOf(ConflictException.class).hasMessage("note.alreadySigned");
        assertThatThrownBy(() -> note.saveDraft(NoteContent.EMPTY, of))
                .isInstanceOf(ConflictException.class).hasMessage("note.signed");
        assertThat(note.getContent()).isEqualTo(typed);
        NoteAmendment amendment = note.amend(" Wrong side ", "Right, not left", "urologist", Instant.EPOCH, of);
        assertThat(amendment.getReason()).isEqualTo("Wrong side");
    }

    private static NoteContent content(Integer duration, Position position, Route route, Integer painDuring,
            Integer painAfter, boolean sampleTaken, String sampleLabel, String adverseEvents, Trend trend) {
        return new NoteContent(duration, position, route, null, null, null, painDuring, painAfter, null, sampleTaken,
                sampleLabel, adverseEvents != null, adverseEvents, trend, null); // a description here means "yes"
    }
}
