package com.coursebook.catalog;

import java.util.Set;

import com.coursebook.shared.Bilingual;
import com.coursebook.shared.ConflictException;
import com.coursebook.support.PostgresRepositoryTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The catalog's named acts on the shipped rows, flushed to PostgreSQL so the database's own checks agree
 * with the domain's. Each test rolls back.
 */
@PostgresRepositoryTest
class CatalogRevisionRepositoryTest {

    @Autowired
    Contraindications contraindications;

    @Autowired
    TreatmentPrograms programs;

    @Test
    @DisplayName("a window after an event is stored with a new length, and the version moves on")
    void windowRevised() {
        Contraindication childbirth = contraindication("CHILDBIRTH_OR_SURGERY");
        long version = childbirth.getVersion();

        childbirth.revise(Severity.ABSOLUTE, 42, true, Set.of(program("GYNECOLOGICAL_MASSAGE")));
        contraindications.flush();

        assertThat(childbirth.getWindowDays()).isEqualTo(42);
        assertThat(childbirth.getVersion()).isEqualTo(version + 1);
    }

    @Test
    @DisplayName("a window after an event is refused without a positive length")
    void windowRequired() {
        Contraindication childbirth = contraindication("CHILDBIRTH_OR_SURGERY");
        Set<TreatmentProgram> gyn = Set.of(program("GYNECOLOGICAL_MASSAGE"));

        assertRefused(() -> childbirth.revise(Severity.ABSOLUTE, null, true, gyn), "error.contraindication.windowRequired");
        assertRefused(() -> childbirth.revise(Severity.ABSOLUTE, 0, true, gyn), "error.contraindication.windowRequired");
        assertThat(childbirth.getWindowDays()).isEqualTo(56);
    }

    @Test
    @DisplayName("a length in days is refused for a contraindication that is not a window after an event")
    void windowNotApplicable() {
        Contraindication adenoma = contraindication("PROSTATE_ADENOMA");

        assertRefused(() -> adenoma.revise(Severity.ABSOLUTE, 30, true, Set.of(program("PROSTATE_MASSAGE"))),
                "error.contraindication.windowNotApplicable");
        assertThat(adenoma.getSeverity()).isEqualTo(Severity.RELATIVE);
        assertThat(adenoma.getWindowDays()).isNull();
    }

    @Test
    @DisplayName("a contraindication in use must apply to some program; one taken out of use may apply to none")
    void programRequiredWhileActive() {
        Contraindication adenoma = contraindication("PROSTATE_ADENOMA");

        assertRefused(() -> adenoma.revise(Severity.RELATIVE, null, true, Set.of()),
                "error.contraindication.programRequired");
        assertThat(adenoma.getPrograms()).extracting(TreatmentProgram::getCode).containsExactly("PROSTATE_MASSAGE");

        adenoma.revise(Severity.RELATIVE, null, false, Set.of());
        contraindications.flush();
        assertThat(adenoma.getPrograms()).isEmpty();
        assertThat(adenoma.appliesTo(program("PROSTATE_MASSAGE"))).isFalse();
    }

    @Test
    @DisplayName("revising with the same values changes nothing, not even the version")
    void unchangedKeepsVersion() {
        Contraindication adenoma = contraindication("PROSTATE_ADENOMA");
        long version = adenoma.getVersion();

        adenoma.revise(Severity.RELATIVE, null, true, Set.of(program("PROSTATE_MASSAGE")));
        contraindications.flush();

        assertThat(adenoma.getVersion()).isEqualTo(version);
    }

    @Test
    @DisplayName("a program is stored with new course settings and instructions")
    void programRevised() {
        TreatmentProgram prostate = program("PROSTATE_MASSAGE");

        prostate.revise(revision(prostate, 12, 8, 15, 3, 2, 2, 30, true, false));
        programs.flush();

        assertThat(prostate.getDefaultSessions()).isEqualTo(12);
        assertThat(prostate.getCadenceDays()).isEqualTo(3);
        assertThat(prostate.getMaxPerWeek()).isEqualTo(2);
        assertThat(prostate.allowsSessionCount(15)).isTrue();
    }

    @Test
    @DisplayName("a program refuses session counts out of order or below one")
    void sessionsInOrder() {
        TreatmentProgram prostate = program("PROSTATE_MASSAGE");

        assertRefused(() -> prostate.revise(revision(prostate, 7, 8, 15, 2, 2, 3, 30, true, false)), "error.program.sessions");
        assertRefused(() -> prostate.revise(revision(prostate, 16, 8, 15, 2, 2, 3, 30, true, false)), "error.program.sessions");
        assertRefused(() -> prostate.revise(revision(prostate, 1, 0, 15, 2, 2, 3, 30, true, false)), "error.program.sessions");
        assertRefused(() -> prostate.revise(revision(prostate, 16, 16, 15, 2, 2, 3, 30, true, false)),
                "error.program.minAboveMax");
        assertThat(prostate.getDefaultSessions()).isEqualTo(10);
    }

    @Test
    @DisplayName("a program refuses a usual interval shorter than its minimum gap, and more than 7 a week")
    void cadence() {
        TreatmentProgram prostate = program("PROSTATE_MASSAGE");

        assertRefused(() -> prostate.revise(revision(prostate, 10, 8, 15, 1, 2, 3, 30, true, false)), "error.program.cadence");
        assertRefused(() -> prostate.revise(revision(prostate, 10, 8, 15, 2, 2, 8, 30, true, false)), "error.program.maxPerWeek");
        assertRefused(() -> prostate.revise(revision(prostate, 10, 8, 15, 2, 2, 0, 30, true, false)), "error.program.maxPerWeek");
    }

    @Test
    @DisplayName("a program refuses a slot shorter than its longest hands-on time")
    void slot() {
        TreatmentProgram gyn = program("GYNECOLOGICAL_MASSAGE");

        assertRefused(() -> gyn.revise(revision(gyn, 15, 10, 60, 1, 1, 7, 19, true, false)), "error.program.slot");
        assertThat(gyn.getSlotMinutes()).isEqualTo(40);
    }

    @Test
    @DisplayName("booking can be blocked for a missing examination only when one is required")
    void examinationBlocks() {
        TreatmentProgram prostate = program("PROSTATE_MASSAGE");

        assertRefused(() -> prostate.revise(revision(prostate, 10, 8, 15, 2, 2, 3, 30, false, true)),
                "error.program.examinationBlocks");
        prostate.revise(revision(prostate, 10, 8, 15, 2, 2, 3, 30, true, true));
        programs.flush();
        assertThat(prostate.isExaminationBlocksBooking()).isTrue();
    }

    @Test
    @DisplayName("a program refuses to lose its instructions in either language")
    void instructions() {
        TreatmentProgram prostate = program("PROSTATE_MASSAGE");
        ProgramRevision blankRussian = new ProgramRevision(10, 8, 15, 2, 2, 3, 30, true, 30, false, true,
                new Bilingual("Empty your bladder.", " "), prostate.getAftercare());

        assertRefused(() -> prostate.revise(blankRussian), "error.program.instructions");
        assertThat(prostate.getPreparation().ru()).isNotBlank();
    }

    private static ProgramRevision revision(TreatmentProgram current, int defaultSessions, int min, int max,
            int cadence, int gap, int perWeek, int slot, boolean examination, boolean blocks) {
        return new ProgramRevision(defaultSessions, min, max, cadence, gap, perWeek, slot, examination, 30, blocks,
                true, current.getPreparation(), current.getAftercare());
    }

    /** Refused with this reason: at a field (InvalidRequestException) or for the whole entry (ConflictException). */
    private static void assertRefused(Runnable act, String messageCode) {
        assertThatThrownBy(act::run).isInstanceOf(com.coursebook.shared.LocalizedException.class)
                .satisfies(ex -> assertThat(((com.coursebook.shared.LocalizedException) ex).messageCode())
                        .isEqualTo(messageCode));
    }

    private Contraindication contraindication(String code) {
        return contraindications.findWithProgramsByCode(code).orElseThrow();
    }

    private TreatmentProgram program(String code) {
        return programs.findByCode(code).orElseThrow();
    }
}
