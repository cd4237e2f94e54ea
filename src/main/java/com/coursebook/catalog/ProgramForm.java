package com.coursebook.catalog;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.coursebook.shared.Bilingual;

/**
 * What an admin sets on a treatment program, from the edit screen or as the JSON API's PUT body. Each field
 * is checked here; how they fit together (minimum ≤ default ≤ maximum, interval ≥ gap, ...) is the
 * program's own rule, checked when it is revised.
 */
public class ProgramForm {

    @NotNull(message = "{catalog.value.required}")
    @Min(value = 1, message = "{catalog.count.positive}")
    private Integer defaultSessions;

    @NotNull(message = "{catalog.value.required}")
    @Min(value = 1, message = "{catalog.count.positive}")
    private Integer minSessions;

    @NotNull(message = "{catalog.value.required}")
    @Min(value = 1, message = "{catalog.count.positive}")
    private Integer maxSessions;

    @NotNull(message = "{catalog.value.required}")
    @Min(value = 1, message = "{catalog.days.positive}")
    private Integer cadenceDays;

    @NotNull(message = "{catalog.value.required}")
    @Min(value = 1, message = "{catalog.days.positive}")
    private Integer minGapDays;

    @NotNull(message = "{catalog.value.required}")
    @Min(value = 1, message = "{catalog.maxPerWeek.range}")
    @Max(value = 7, message = "{catalog.maxPerWeek.range}")
    private Integer maxPerWeek;

    @NotNull(message = "{catalog.value.required}")
    @Min(value = 1, message = "{catalog.minutes.positive}")
    private Integer slotMinutes;

    @NotNull(message = "{catalog.value.required}")
    private Boolean requiresExamination;

    @NotNull(message = "{catalog.value.required}")
    @Min(value = 1, message = "{catalog.days.positive}")
    private Integer examinationValidDays;

    @NotNull(message = "{catalog.value.required}")
    private Boolean examinationBlocksBooking;

    @NotNull(message = "{catalog.active.required}")
    private Boolean active;

    /** Pain during or after a session, of 10, from which a signed note holds the course (null: unchanged). */
    @Min(value = 1, message = "{catalog.reviewPainThreshold.range}")
    @Max(value = 10, message = "{catalog.reviewPainThreshold.range}")
    private Integer reviewPainThreshold;

    @NotBlank(message = "{catalog.text.required}")
    @Size(max = 2000, message = "{field.tooLong}")
    private String preparationEn;

    @NotBlank(message = "{catalog.text.required}")
    @Size(max = 2000, message = "{field.tooLong}")
    private String preparationRu;

    @NotBlank(message = "{catalog.text.required}")
    @Size(max = 2000, message = "{field.tooLong}")
    private String aftercareEn;

    @NotBlank(message = "{catalog.text.required}")
    @Size(max = 2000, message = "{field.tooLong}")
    private String aftercareRu;

    /** The version the admin edited, so a concurrent change is detected instead of overwritten. */
    @NotNull(message = "{catalog.version.required}")
    private Long version;

    // What defines the program beyond how it is run; null on a revision leaves it as it is (older clients).

    @Size(max = TreatmentProgram.NAME_MAX_LENGTH, message = "{field.tooLong}")
    private String nameEn;

    @Size(max = TreatmentProgram.NAME_MAX_LENGTH, message = "{field.tooLong}")
    private String nameRu;

    private EligibleSex eligibleSex;

    @Min(value = 1, message = "{catalog.minutes.positive}")
    private Integer firstSessionMinutes;

    @Min(value = 1, message = "{catalog.minutes.positive}")
    private Integer maxSessionMinutes;

    @Min(value = 0, message = "{error.program.step}")
    private Integer sessionMinutesStep;

    private String roomType;

    /** Whether sessions pause for menstruation (the recurring contraindications apply to it); null: unchanged. */
    private Boolean pausesForMenstruation;

    public static ProgramForm of(ProgramDetails details) {
        ProgramForm form = new ProgramForm();
        form.defaultSessions = details.defaultSessions();
        form.minSessions = details.minSessions();
        form.maxSessions = details.maxSessions();
        form.cadenceDays = details.cadenceDays();
        form.minGapDays = details.minGapDays();
        form.maxPerWeek = details.maxPerWeek();
        form.slotMinutes = details.slotMinutes();
        form.requiresExamination = details.requiresExamination();
        form.examinationValidDays = details.examinationValidDays();
        form.examinationBlocksBooking = details.examinationBlocksBooking();
        form.active = details.active();
        form.reviewPainThreshold = details.reviewPainThreshold();
        form.preparationEn = details.preparationEn();
        form.preparationRu = details.preparationRu();
        form.aftercareEn = details.aftercareEn();
        form.aftercareRu = details.aftercareRu();
        form.version = details.version();
        form.nameEn = details.nameEn();
        form.nameRu = details.nameRu();
        form.eligibleSex = details.eligibleSex();
        form.firstSessionMinutes = details.firstSessionMinutes();
        form.maxSessionMinutes = details.maxSessionMinutes();
        form.sessionMinutesStep = details.sessionMinutesStep();
        form.roomType = details.roomType();
        form.pausesForMenstruation = details.pausesForMenstruation();
        return form;
    }

    /** Only called once bean validation passed, so no field is null. */
    ProgramRevision toRevision() {
        return new ProgramRevision(defaultSessions, minSessions, maxSessions, cadenceDays, minGapDays, maxPerWeek,
                slotMinutes, requiresExamination, examinationValidDays, examinationBlocksBooking, active,
                new Bilingual(preparationEn, preparationRu), new Bilingual(aftercareEn, aftercareRu),
                reviewPainThreshold, names(), eligibleSex, firstSessionMinutes, maxSessionMinutes,
                sessionMinutesStep, roomType == null || roomType.isBlank() ? null : roomType);
    }

    /** Both names, or null when neither was sent (unchanged); one without the other is refused at the blank one. */
    private Bilingual names() {
        if (nameEn == null && nameRu == null) {
            return null;
        }
        return new Bilingual(nameEn, nameRu);
    }

    public String getNameEn() {
        return nameEn;
    }

    public void setNameEn(String nameEn) {
        this.nameEn = nameEn;
    }

    public String getNameRu() {
        return nameRu;
    }

    public void setNameRu(String nameRu) {
        this.nameRu = nameRu;
    }

    public EligibleSex getEligibleSex() {
        return eligibleSex;
    }

    public void setEligibleSex(EligibleSex eligibleSex) {
        this.eligibleSex = eligibleSex;
    }

    public Integer getFirstSessionMinutes() {
        return firstSessionMinutes;
    }

    public void setFirstSessionMinutes(Integer firstSessionMinutes) {
        this.firstSessionMinutes = firstSessionMinutes;
    }

    public Integer getMaxSessionMinutes() {
        return maxSessionMinutes;
    }

    public void setMaxSessionMinutes(Integer maxSessionMinutes) {
        this.maxSessionMinutes = maxSessionMinutes;
    }

    public Integer getSessionMinutesStep() {
        return sessionMinutesStep;
    }

    public void setSessionMinutesStep(Integer sessionMinutesStep) {
        this.sessionMinutesStep = sessionMinutesStep;
    }

    public String getRoomType() {
        return roomType;
    }

    public void setRoomType(String roomType) {
        this.roomType = roomType;
    }

    public Boolean getPausesForMenstruation() {
        return pausesForMenstruation;
    }

    public void setPausesForMenstruation(Boolean pausesForMenstruation) {
        this.pausesForMenstruation = pausesForMenstruation;
    }

    public Integer getDefaultSessions() {
        return defaultSessions;
    }

    public void setDefaultSessions(Integer defaultSessions) {
        this.defaultSessions = defaultSessions;
    }

    public Integer getMinSessions() {
        return minSessions;
    }

    public void setMinSessions(Integer minSessions) {
        this.minSessions = minSessions;
    }

    public Integer getMaxSessions() {
        return maxSessions;
    }

    public void setMaxSessions(Integer maxSessions) {
        this.maxSessions = maxSessions;
    }

    public Integer getCadenceDays() {
        return cadenceDays;
    }

    public void setCadenceDays(Integer cadenceDays) {
        this.cadenceDays = cadenceDays;
    }

    public Integer getMinGapDays() {
        return minGapDays;
    }

    public void setMinGapDays(Integer minGapDays) {
        this.minGapDays = minGapDays;
    }

    public Integer getMaxPerWeek() {
        return maxPerWeek;
    }

    public void setMaxPerWeek(Integer maxPerWeek) {
        this.maxPerWeek = maxPerWeek;
    }

    public Integer getSlotMinutes() {
        return slotMinutes;
    }

    public void setSlotMinutes(Integer slotMinutes) {
        this.slotMinutes = slotMinutes;
    }

    public Boolean getRequiresExamination() {
        return requiresExamination;
    }

    public void setRequiresExamination(Boolean requiresExamination) {
        this.requiresExamination = requiresExamination;
    }

    public Integer getExaminationValidDays() {
        return examinationValidDays;
    }

    public void setExaminationValidDays(Integer examinationValidDays) {
        this.examinationValidDays = examinationValidDays;
    }

    public Boolean getExaminationBlocksBooking() {
        return examinationBlocksBooking;
    }

    public void setExaminationBlocksBooking(Boolean examinationBlocksBooking) {
        this.examinationBlocksBooking = examinationBlocksBooking;
    }

    public Boolean getActive() {
        return active;
    }

    public void setActive(Boolean active) {
        this.active = active;
    }

    public String getPreparationEn() {
        return preparationEn;
    }

    public void setPreparationEn(String preparationEn) {
        this.preparationEn = preparationEn;
    }

    public String getPreparationRu() {
        return preparationRu;
    }

    public void setPreparationRu(String preparationRu) {
        this.preparationRu = preparationRu;
    }

    public String getAftercareEn() {
        return aftercareEn;
    }

    public void setAftercareEn(String aftercareEn) {
        this.aftercareEn = aftercareEn;
    }

    public String getAftercareRu() {
        return aftercareRu;
    }

    public void setAftercareRu(String aftercareRu) {
        this.aftercareRu = aftercareRu;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public Integer getReviewPainThreshold() {
        return reviewPainThreshold;
    }

    public void setReviewPainThreshold(Integer reviewPainThreshold) {
        this.reviewPainThreshold = reviewPainThreshold;
    }
}
