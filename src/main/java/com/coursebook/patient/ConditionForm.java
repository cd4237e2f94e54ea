package com.coursebook.patient;

import java.time.LocalDate;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** A condition as a clinician records it, on the patient page or through the API. */
public class ConditionForm {

    @NotBlank(message = "{condition.code.required}")
    private String code;

    @NotNull(message = "{condition.onset.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate onset;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate expectedEnd;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate resolvedOn;

    @Size(max = 2000, message = "{field.tooLong}")
    private String note;

    @AssertTrue(message = "{condition.expectedEnd.beforeOnset}")
    public boolean isExpectedEndAfterOnset() {
        return onset == null || expectedEnd == null || !expectedEnd.isBefore(onset);
    }

    @AssertTrue(message = "{condition.resolvedOn.beforeOnset}")
    public boolean isResolvedAfterOnset() {
        return onset == null || resolvedOn == null || !resolvedOn.isBefore(onset);
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public LocalDate getOnset() {
        return onset;
    }

    public void setOnset(LocalDate onset) {
        this.onset = onset;
    }

    public LocalDate getExpectedEnd() {
        return expectedEnd;
    }

    public void setExpectedEnd(LocalDate expectedEnd) {
        this.expectedEnd = expectedEnd;
    }

    public LocalDate getResolvedOn() {
        return resolvedOn;
    }

    public void setResolvedOn(LocalDate resolvedOn) {
        this.resolvedOn = resolvedOn;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
