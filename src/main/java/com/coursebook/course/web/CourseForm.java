package com.coursebook.course.web;

import com.coursebook.course.CourseRequest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.format.annotation.DateTimeFormat;

/** The receptionist's booking form: what the prescription says, and when the patient can come. */
public class CourseForm {

    @NotBlank(message = "{course.program.required}")
    private String programCode;

    /** Null: any qualified practitioner. */
    private Long practitionerId;

    @NotNull(message = "{course.firstDate.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate firstDate;

    @NotNull(message = "{course.time.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.TIME)
    private LocalTime time;

    @Min(value = 1, message = "{course.sessionCount.range}")
    @Max(value = 100, message = "{course.sessionCount.range}")
    private Integer sessionCount;

    @Min(value = 1, message = "{course.cadence.range}")
    @Max(value = 14, message = "{course.cadence.range}")
    private Integer cadenceDays;

    private boolean skipPredictedMenstruation = true;

    /**
     * Warnings a clinician confirms, each its key with its reason, bound as {@code overrides[i].key} and
     * {@code overrides[i].reason}: one object per warning, so a reason is never split on its commas.
     */
    private List<Confirmation> overrides = new ArrayList<>();

    /** The plan as shown (and possibly adjusted), so what is booked is exactly what was checked. */
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private List<LocalDateTime> sessionStarts = new ArrayList<>();

    CourseRequest toRequest(Long patientId) {
        List<CourseRequest.Override> overrides = new ArrayList<>();
        for (Confirmation confirmation : this.overrides) {
            if (confirmation != null && confirmation.getKey() != null && confirmation.getReason() != null
                    && !confirmation.getReason().isBlank()) {
                overrides.add(new CourseRequest.Override(confirmation.getKey(), confirmation.getReason().strip()));
            }
        }
        return new CourseRequest(patientId, programCode, practitionerId, sessionCount,
                firstDate == null || time == null ? null : firstDate.atTime(time), cadenceDays,
                skipPredictedMenstruation, overrides, sessionStarts);
    }

    public String getProgramCode() {
        return programCode;
    }

    public void setProgramCode(String programCode) {
        this.programCode = programCode;
    }

    public Long getPractitionerId() {
        return practitionerId;
    }

    public void setPractitionerId(Long practitionerId) {
        this.practitionerId = practitionerId;
    }

    public LocalDate getFirstDate() {
        return firstDate;
    }

    public void setFirstDate(LocalDate firstDate) {
        this.firstDate = firstDate;
    }

    public LocalTime getTime() {
        return time;
    }

    public void setTime(LocalTime time) {
        this.time = time;
    }

    public Integer getSessionCount() {
        return sessionCount;
    }

    public void setSessionCount(Integer sessionCount) {
        this.sessionCount = sessionCount;
    }

    public Integer getCadenceDays() {
        return cadenceDays;
    }

    public void setCadenceDays(Integer cadenceDays) {
        this.cadenceDays = cadenceDays;
    }

    public boolean isSkipPredictedMenstruation() {
        return skipPredictedMenstruation;
    }

    public void setSkipPredictedMenstruation(boolean skipPredictedMenstruation) {
        this.skipPredictedMenstruation = skipPredictedMenstruation;
    }

    public List<LocalDateTime> getSessionStarts() {
        return sessionStarts;
    }

    public void setSessionStarts(List<LocalDateTime> sessionStarts) {
        this.sessionStarts = sessionStarts;
    }

    public List<Confirmation> getOverrides() {
        return overrides;
    }

    public void setOverrides(List<Confirmation> overrides) {
        this.overrides = overrides;
    }

    /** The reason typed for a warning, if any (the form shows it again after a re-check). */
    public String reasonFor(String key) {
        return overrides.stream().filter(o -> o != null && key.equals(o.getKey())).map(Confirmation::getReason)
                .filter(r -> r != null).findFirst().orElse("");
    }

    /** One confirmed warning: its override key and the clinician's reason. */
    public static class Confirmation {

        private String key;

        private String reason;

        public String getKey() {
            return key;
        }

        public void setKey(String key) {
            this.key = key;
        }

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }
    }
}
