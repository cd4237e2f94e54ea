package com.coursebook.shared;

import java.time.Duration;
import java.time.Instant;

/** A span of time a session takes or would take: from {@code startsAt}, up to (not including) {@code endsAt}. */
public record TimeSlot(Instant startsAt, Instant endsAt) {

    public TimeSlot {
        if (!startsAt.isBefore(endsAt)) {
            throw new IllegalArgumentException("A slot must end after it starts");
        }
    }

    public static TimeSlot of(Instant startsAt, int minutes) {
        return new TimeSlot(startsAt, startsAt.plus(Duration.ofMinutes(minutes)));
    }

    public boolean overlaps(TimeSlot other) {
        return startsAt.isBefore(other.endsAt) && other.startsAt.isBefore(endsAt);
    }
}
