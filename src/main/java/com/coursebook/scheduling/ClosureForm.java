package com.coursebook.scheduling;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** A day the clinic closes: at one location, or at every location when none is chosen. */
public class ClosureForm {

    @NotNull(message = "{scheduling.date.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate closedOn;

    /** Empty: every location. */
    private Long locationId;

    @NotBlank(message = "{scheduling.reason.required}")
    @Size(max = ClinicClosure.REASON_MAX_LENGTH, message = "{field.tooLong}")
    private String reason;

    public LocalDate getClosedOn() {
        return closedOn;
    }

    public void setClosedOn(LocalDate closedOn) {
        this.closedOn = closedOn;
    }

    public Long getLocationId() {
        return locationId;
    }

    public void setLocationId(Long locationId) {
        this.locationId = locationId;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
