package com.coursebook.course;

import java.time.LocalDateTime;

/** A proposed session overlaps one already booked for the practitioner, the patient or every room. Rendered as 409. */
public class SlotTakenException extends RuntimeException {

    private final Decision.Clash clash;

    SlotTakenException(Decision.Clash clash) {
        super("slot taken");
        this.clash = clash;
    }

    public LocalDateTime startsAt() {
        return clash.startsAt();
    }

    public LocalDateTime endsAt() {
        return clash.endsAt();
    }

    /** PRACTITIONER, PATIENT or ROOM (a race lost at commit is the database's 23P01, not this exception). */
    public String whose() {
        return clash.whose().name();
    }
}
