package com.coursebook.catalog;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import com.coursebook.shared.Bilingual;
import com.coursebook.shared.ConflictException;
import com.coursebook.shared.VersionedEntity;

/** A prescribable course type: who may receive and perform it, how long, how often, how to prepare. */
@Entity
@Table(name = "treatment_program")
public class TreatmentProgram extends VersionedEntity {

    @Column(nullable = false, unique = true, updatable = false)
    private String code;

    @Column(name = "name_en", nullable = false)
    private String nameEn;

    @Column(name = "name_ru", nullable = false)
    private String nameRu;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Specialty specialty;

    @Enumerated(EnumType.STRING)
    @Column(name = "eligible_sex", nullable = false)
    private EligibleSex eligibleSex;

    @Column(name = "default_sessions", nullable = false)
    private int defaultSessions;

    @Column(name = "min_sessions", nullable = false)
    private int minSessions;

    @Column(name = "max_sessions", nullable = false)
    private int maxSessions;

    @Column(name = "cadence_days", nullable = false)
    private int cadenceDays;

    @Column(name = "min_gap_days", nullable = false)
    private int minGapDays;

    @Column(name = "max_per_week", nullable = false)
    private int maxPerWeek;

    @Column(name = "slot_minutes", nullable = false)
    private int slotMinutes;

    @Column(name = "first_session_minutes", nullable = false)
    private int firstSessionMinutes;

    @Column(name = "max_session_minutes", nullable = false)
    private int maxSessionMinutes;

    @Column(name = "session_minutes_step", nullable = false)
    private int sessionMinutesStep;

    @Column(name = "requires_examination", nullable = false)
    private boolean requiresExamination;

    @Column(name = "examination_valid_days", nullable = false)
    private int examinationValidDays;

    @Column(name = "examination_blocks_booking", nullable = false)
    private boolean examinationBlocksBooking;

    @Column(name = "room_type")
    private String roomType;

    @Column(name = "preparation_en", nullable = false)
    private String preparationEn;

    @Column(name = "preparation_ru", nullable = false)
    private String preparationRu;

    @Column(name = "aftercare_en", nullable = false)
    private String aftercareEn;

    @Column(name = "aftercare_ru", nullable = false)
    private String aftercareRu;

    /** Pain (0-10, during or after a session) from which a signed note holds the course for review. */
    @Column(name = "review_pain_threshold", nullable = false)
    private int reviewPainThreshold;

    private String source;

    @Column(nullable = false)
    private boolean active;

    protected TreatmentProgram() {
    }

    /**
     * An admin's revision of how the clinic runs this program. Refuses settings the planner could not honour:
     * a course length outside its own bounds, a usual interval shorter than the minimum gap, a slot shorter
     * than the longest hands-on time, or an examination that blocks booking without being required.
     */
    public void revise(ProgramRevision revision) {
        if (revision.minSessions() < 1 || revision.minSessions() > revision.defaultSessions()
                || revision.defaultSessions() > revision.maxSessions()) {
            throw new ConflictException("error.program.sessions");
        }
        if (revision.minGapDays() < 1 || revision.cadenceDays() < revision.minGapDays()) {
            throw new ConflictException("error.program.cadence");
        }
        if (revision.maxPerWeek() < 1 || revision.maxPerWeek() > 7) {
            throw new ConflictException("error.program.maxPerWeek");
        }
        if (revision.slotMinutes() < maxSessionMinutes) {
            throw new ConflictException("error.program.slot", maxSessionMinutes);
        }
        if (revision.examinationValidDays() < 1) {
            throw new ConflictException("error.program.examinationValidDays");
        }
        if (revision.examinationBlocksBooking() && !revision.requiresExamination()) {
            throw new ConflictException("error.program.examinationBlocks");
        }
        if (blank(revision.preparation()) || blank(revision.aftercare())) {
            throw new ConflictException("error.program.instructions");
        }
        if (revision.reviewPainThreshold() != null
                && (revision.reviewPainThreshold() < 1 || revision.reviewPainThreshold() > 10)) {
            throw new ConflictException("error.program.reviewPainThreshold");
        }
        this.defaultSessions = revision.defaultSessions();
        this.minSessions = revision.minSessions();
        this.maxSessions = revision.maxSessions();
        this.cadenceDays = revision.cadenceDays();
        this.minGapDays = revision.minGapDays();
        this.maxPerWeek = revision.maxPerWeek();
        this.slotMinutes = revision.slotMinutes();
        this.requiresExamination = revision.requiresExamination();
        this.examinationValidDays = revision.examinationValidDays();
        this.examinationBlocksBooking = revision.examinationBlocksBooking();
        this.active = revision.active();
        this.preparationEn = revision.preparation().en().strip();
        this.preparationRu = revision.preparation().ru().strip();
        this.aftercareEn = revision.aftercare().en().strip();
        this.aftercareRu = revision.aftercare().ru().strip();
        if (revision.reviewPainThreshold() != null) {
            this.reviewPainThreshold = revision.reviewPainThreshold();
        }
    }

    /** Patients read these handouts in either language, so both must be there. */
    private static boolean blank(Bilingual text) {
        return text == null || text.en() == null || text.en().isBlank() || text.ru() == null || text.ru().isBlank();
    }

    /** What an admin may change, by name, for the audit trail's "old → new" line. */
    Map<String, Object> editableState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("defaultSessions", defaultSessions);
        state.put("minSessions", minSessions);
        state.put("maxSessions", maxSessions);
        state.put("cadenceDays", cadenceDays);
        state.put("minGapDays", minGapDays);
        state.put("maxPerWeek", maxPerWeek);
        state.put("slotMinutes", slotMinutes);
        state.put("requiresExamination", requiresExamination);
        state.put("examinationValidDays", examinationValidDays);
        state.put("examinationBlocksBooking", examinationBlocksBooking);
        state.put("active", active);
        state.put("reviewPainThreshold", reviewPainThreshold);
        state.put("preparationEn", preparationEn);
        state.put("preparationRu", preparationRu);
        state.put("aftercareEn", aftercareEn);
        state.put("aftercareRu", aftercareRu);
        return state;
    }

    /** Hands-on minutes for the n-th session (1-based): starts short and rises by the program's step. */
    public int handsOnMinutes(int sessionNumber) {
        return Math.min(maxSessionMinutes, firstSessionMinutes + (sessionNumber - 1) * sessionMinutesStep);
    }

    public boolean allowsSessionCount(int count) {
        return count >= minSessions && count <= maxSessions;
    }

    public String getCode() {
        return code;
    }

    public Bilingual getName() {
        return new Bilingual(nameEn, nameRu);
    }

    public Specialty getSpecialty() {
        return specialty;
    }

    public int getReviewPainThreshold() {
        return reviewPainThreshold;
    }

    public EligibleSex getEligibleSex() {
        return eligibleSex;
    }

    public int getDefaultSessions() {
        return defaultSessions;
    }

    public int getMinSessions() {
        return minSessions;
    }

    public int getMaxSessions() {
        return maxSessions;
    }

    public int getCadenceDays() {
        return cadenceDays;
    }

    public int getMinGapDays() {
        return minGapDays;
    }

    public int getMaxPerWeek() {
        return maxPerWeek;
    }

    public int getSlotMinutes() {
        return slotMinutes;
    }

    public int getFirstSessionMinutes() {
        return firstSessionMinutes;
    }

    public int getMaxSessionMinutes() {
        return maxSessionMinutes;
    }

    public int getSessionMinutesStep() {
        return sessionMinutesStep;
    }

    public boolean isRequiresExamination() {
        return requiresExamination;
    }

    public int getExaminationValidDays() {
        return examinationValidDays;
    }

    public boolean isExaminationBlocksBooking() {
        return examinationBlocksBooking;
    }

    public String getRoomType() {
        return roomType;
    }

    public Bilingual getPreparation() {
        return new Bilingual(preparationEn, preparationRu);
    }

    public Bilingual getAftercare() {
        return new Bilingual(aftercareEn, aftercareRu);
    }

    public String getSource() {
        return source;
    }

    public boolean isActive() {
        return active;
    }
}
