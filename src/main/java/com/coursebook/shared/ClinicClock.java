package com.coursebook.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The clinic's wall clock: every date a person sees or types is a date in the clinic's zone, while the
 * database stores instants. One place converts between the two.
 */
public final class ClinicClock {

    private final Clock clock;

    public ClinicClock(Clock clock) {
        this.clock = clock;
    }

    /** The clock itself, in the clinic's zone, for what asks for a {@link Clock} (bean validation's "today"). */
    public Clock clock() {
        return clock;
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Instant toInstant(LocalDateTime local) {
        return local.atZone(zone()).toInstant();
    }

    public LocalDateTime toLocal(Instant instant) {
        return instant.atZone(zone()).toLocalDateTime();
    }

    public LocalDate toDate(Instant instant) {
        return instant.atZone(zone()).toLocalDate();
    }

    public ZonedDateTime toZoned(Instant instant) {
        return instant.atZone(zone());
    }
}
