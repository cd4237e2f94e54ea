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
import com.coursebook.shared.InvalidRequestException;
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
     * A new program an admin adds. It starts with no room type unless the revision names one and with the
     * usual pain threshold (7 of 10) unless it says otherwise; everything else is the revision's, checked the same way.
     */
    public static TreatmentProgram create(String code, Specialty specialty, ProgramRevision revision) {
        if (code == null || !code.matches(RoomType.CODE_PATTERN)) {
            throw new InvalidRequestException("code", "catalog.code.pattern");
        }
        if (specialty == null) {
            throw new InvalidRequestException("specialty", "catalog.value.required");
        }
        if (revision.name() == null) {
            throw new InvalidRequestException("nameEn", "catalog.name.required");
        }
        if (revision.eligibleSex() == null) {
            throw new InvalidRequestException("eligibleSex", "catalog.value.required");
        }
        for (var hands : new Object[][] { { "firstSessionMinutes", revision.firstSessionMinutes() },
                { "maxSessionMinutes", revision.maxSessionMinutes() },
                { "sessionMinutesStep", revision.sessionMinutesStep() } }) {
            if (hands[1] == null) {
                throw new InvalidRequestException((String) hands[0], "catalog.value.required");
            }
        }
        TreatmentProgram program = new TreatmentProgram();
        program.code = code;
        program.specialty = specialty;
        program.reviewPainThreshold = DEFAULT_REVIEW_PAIN_THRESHOLD;
        program.revise(revision);
        return program;
    }

    /** The pain from which a note holds a course, unless the admin says otherwise (as V10 ships for most programs). */
    static final int DEFAULT_REVIEW_PAIN_THRESHOLD = 7;

    static final int NAME_MAX_LENGTH = 200;

    /**
     * An admin's revision of how the clinic runs this program. Refuses, naming the field, settings the planner
     * could not honour: a course length outside its own bounds, a usual interval shorter than the minimum gap, a
     * slot shorter than the longest hands-on time, hands-on time that falls instead of rising, or an examination
     * that blocks booking without being required.
     */
    public void revise(ProgramRevision revision) {
        if (revision.minSessions() < 1) {
            throw new InvalidRequestException("minSessions", "error.program.sessions");
        }
        if (revision.minSessions() > revision.maxSessions()) {
            throw new InvalidRequestException("minSessions", "error.program.minAboveMax");
        }
        if (revision.minSessions() > revision.defaultSessions() || revision.defaultSessions() > revision.maxSessions()) {
            throw new InvalidRequestException("defaultSessions", "error.program.sessions");
        }
        if (revision.minGapDays() < 1 || revision.cadenceDays() < revision.minGapDays()) {
            throw new InvalidRequestException("cadenceDays", "error.program.cadence");
        }
        if (revision.maxPerWeek() < 1 || revision.maxPerWeek() > 7) {
            throw new InvalidRequestException("maxPerWeek", "error.program.maxPerWeek");
        }
        int first = revision.firstSessionMinutes() != null ? revision.firstSessionMinutes() : firstSessionMinutes;
        int longest = revision.maxSessionMinutes() != null ? revision.maxSessionMinutes() : maxSessionMinutes;
        int step = revision.sessionMinutesStep() != null ? revision.sessionMinutesStep() : sessionMinutesStep;
        if (first < 1) {
            throw new InvalidRequestException("firstSessionMinutes", "catalog.minutes.positive");
        }
        if (longest < first) {
            throw new InvalidRequestException("maxSessionMinutes", "error.program.handsOn");
        }
        if (step < 0) {
            throw new InvalidRequestException("sessionMinutesStep", "error.program.step");
        }
        if (revision.slotMinutes() < longest) {
            throw new InvalidRequestException("slotMinutes", "error.program.slot", longest);
        }
        if (revision.examinationValidDays() < 1) {
            throw new InvalidRequestException("examinationValidDays", "error.program.examinationValidDays");
        }
        if (revision.examinationBlocksBooking() && !revision.requiresExamination()) {
            throw new InvalidRequestException("examinationBlocksBooking", "error.program.examinationBlocks");
        }
        if (blank(revision.preparation()) || blank(revision.aftercare())) {
            throw new ConflictException("error.program.instructions");
        }
        if (revision.reviewPainThreshold() != null
                && (revision.reviewPainThreshold() < 1 || revision.reviewPainThreshold() > 10)) {
            throw new InvalidRequestException("reviewPainThreshold", "error.program.reviewPainThreshold");
        }
        if (revision.roomType() != null && !revision.roomType().matches(RoomType.CODE_PATTERN)) {
            throw new InvalidRequestException("roomType", "catalog.roomType.unknown");
        }
        if (revision.name() != null) {
            this.nameEn = Names.required(revision.name().en(), "nameEn", NAME_MAX_LENGTH);
            this.nameRu = Names.required(revision.name().ru(), "nameRu", NAME_MAX_LENGTH);
        }
        if (revision.eligibleSex() != null) {
            this.eligibleSex = revision.eligibleSex();
        }
        if (revision.roomType() != null) {
            this.roomType = revision.roomType();
        }
        this.firstSessionMinutes = first;
        this.maxSessionMinutes = longest;
        this.sessionMinutesStep = step;
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
        state.put("nameEn", nameEn);
        state.put("nameRu", nameRu);
        state.put("eligibleSex", eligibleSex);
        state.put("defaultSessions", defaultSessions);
        state.put("minSessions", minSessions);
        state.put("maxSessions", maxSessions);
        state.put("cadenceDays", cadenceDays);
        state.put("minGapDays", minGapDays);
        state.put("maxPerWeek", maxPerWeek);
        state.put("slotMinutes", slotMinutes);
        state.put("firstSessionMinutes", firstSessionMinutes);
        state.put("maxSessionMinutes", maxSessionMinutes);
        state.put("sessionMinutesStep", sessionMinutesStep);
        state.put("roomType", roomType);
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
