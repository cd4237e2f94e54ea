package com.coursebook.scheduling;

import java.time.LocalDateTime;

/** A bookable time, on the clinic's wall clock: starts at, ends before. */
public record Slot(LocalDateTime startsAt, LocalDateTime endsAt) {

    public Slot {
        if (!startsAt.isBefore(endsAt)) {
            throw new IllegalArgumentException("A slot must end after it starts");
        }
    }
}
