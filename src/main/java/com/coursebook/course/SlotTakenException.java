package com.coursebook.course;

import java.time.LocalDateTime;

/** A proposed session overlaps one already booked for the practitioner, the patient or every room. Rendered as 409. */
public class SlotTakenException extends RuntimeException {

    private final Decision.Clash clash;

    SlotTakenException(Decision.Clash clash) {
        super("slot taken");
        this.clash = clash;
    }

    /** A race lost at commit: only the database knew, so whose session it was is not known. */
    static SlotTakenException atCommit() {
        return new SlotTakenException(null);
    }

    public LocalDateTime startsAt() {
        return clash == null ? null : clash.startsAt();
    }

    public LocalDateTime endsAt() {
        return clash == null ? null : clash.endsAt();
    }

    /** PRACTITIONER, PATIENT or ROOM, or null when only the database knew (a race lost at commit). */
    public String whose() {
        return clash == null ? null : clash.whose().name();
    }
}
