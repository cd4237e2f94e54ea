package com.coursebook.scheduling;

import java.time.LocalDate;

/**
 * Leave or a closure was added or removed. Published in the admin's transaction, so sessions already booked on
 * those days are flagged (or their flag lifted) together with the change: nothing booked is silently left on a day
 * nobody works.
 *
 * @param practitionerId whose leave, or null for a closure
 * @param locationId the closed location, or null for leave or a closure of every location
 */
public record DaysOffChanged(Kind kind, Long practitionerId, Long locationId, LocalDate from, LocalDate to,
        boolean added) {

    public enum Kind {
        LEAVE, CLOSURE
    }
}
