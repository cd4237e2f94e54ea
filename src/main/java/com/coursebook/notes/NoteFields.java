package com.coursebook.notes;

import java.util.ArrayList;
import java.util.List;

/**
 * Which parts of a note apply to a program, and what a note needs before it can be signed. The route is
 * recorded only for gynecological massage (vaginal, rectal or external); a prostate-secretion sample only
 * for prostate massage, where it is collected for the laboratory.
 */
public record NoteFields(boolean route, boolean sample) {

    static final String GYNECOLOGICAL_MASSAGE = "GYNECOLOGICAL_MASSAGE";

    static final String PROSTATE_MASSAGE = "PROSTATE_MASSAGE";

    public static NoteFields forProgram(String programCode) {
        return new NoteFields(GYNECOLOGICAL_MASSAGE.equals(programCode), PROSTATE_MASSAGE.equals(programCode));
    }

    /** Fields filled in that this program does not record; saying so beats silently dropping what was typed. */
    public List<String> notApplicable(NoteContent content) {
        List<String> fields = new ArrayList<>();
        if (!route && content.route() != null) {
            fields.add("route");
        }
        if (!sample && content.sampleTaken()) {
            fields.add("sampleTaken");
        }
        return fields;
    }

    /**
     * What a signed note must say: a signed note cannot be completed later, only amended. Pain is required
     * (0 is an answer) because it decides whether the course is held for review.
     */
    public List<String> missingForSigning(NoteContent content) {
        List<String> fields = new ArrayList<>();
        if (content.durationMinutes() == null) {
            fields.add("durationMinutes");
        }
        if (content.position() == null) {
            fields.add("position");
        }
        if (route && content.route() == null) {
            fields.add("route");
        }
        if (content.painDuring() == null) {
            fields.add("painDuring");
        }
        if (content.painAfter() == null) {
            fields.add("painAfter");
        }
        if (sample && content.sampleTaken() && content.sampleLabel() == null) {
            fields.add("sampleLabel");
        }
        if (content.trend() == null) {
            fields.add("trend");
        }
        if (content.adverseEvent() && content.adverseEvents() == null) {
            fields.add("adverseEvents"); // "yes" says what happened
        }
        return fields;
    }

    /**
     * A new draft starts from the previous session's set-up (position, route, technique, duration), which
     * rarely changes between sessions; never from its pain, findings or trend, which must be observed anew.
     */
    NoteContent carriedOver(NoteContent previous) {
        if (previous == null) {
            return NoteContent.EMPTY;
        }
        return new NoteContent(previous.durationMinutes(), previous.position(), route ? previous.route() : null,
                previous.technique(), null, null, null, null, null, false, null, false, null, null, null);
    }
}
