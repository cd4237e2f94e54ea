package com.coursebook.course;

import java.time.LocalDateTime;

/** A proposed session overlaps one already booked for the practitioner or the patient. Rendered as 409. */
public class SlotTakenException extends RuntimeException {

    private final LocalDateTime startsAt;

    private final LocalDateTime endsAt;

    private final String whose;

    SlotTakenException(LocalDateTime startsAt, LocalDateTime endsAt, String whose) {
        super("slot taken");
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.whose = whose;
    }

    public LocalDateTime startsAt() {
        return startsAt;
    }

    public LocalDateTime endsAt() {
        return endsAt;
    }

    /** PRACTITIONER, PATIENT or ROOM, or null when only the database knew (a race lost at commit). */
    public String whose() {
        return whose;
    }
}
