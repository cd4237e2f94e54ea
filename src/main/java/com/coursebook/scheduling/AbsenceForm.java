package com.coursebook.scheduling;

import java.time.LocalDate;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** Leave an admin records for a practitioner: whole days, both included. */
public class AbsenceForm {

    @NotNull(message = "{scheduling.date.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate startsOn;

    @NotNull(message = "{scheduling.date.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate endsOn;

    @Size(max = Absence.REASON_MAX_LENGTH, message = "{field.tooLong}")
    private String reason;

    @AssertTrue(message = "{scheduling.absence.endsBeforeStart}")
    public boolean isEndsOnOrAfterStart() {
        return startsOn == null || endsOn == null || !endsOn.isBefore(startsOn);
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public void setStartsOn(LocalDate startsOn) {
        this.startsOn = startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public void setEndsOn(LocalDate endsOn) {
        this.endsOn = endsOn;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
