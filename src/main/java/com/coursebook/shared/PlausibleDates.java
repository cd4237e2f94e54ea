package com.coursebook.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;

/**
 * The one rule for every date and date-time a person or another system sends: ISO-8601, between 1900-01-01 and
 * 2100-12-31. Nothing the clinic records lies outside that span, and dates beyond it (the year 10000, +999999999)
 * overflow the arithmetic of calendars and reports. A date-time with an offset or zone ({@code Z}, {@code +03:00},
 * {@code [Europe/Moscow]}) is converted to the clinic's wall clock, never read as if the offset were not there.
 * Used at the edge (form and query binding, JSON) so every field follows it without a check of its own.
 */
public final class PlausibleDates {

    public static final LocalDate FIRST = LocalDate.of(1900, 1, 1);

    public static final LocalDate LAST = LocalDate.of(2100, 12, 31);

    private PlausibleDates() {
    }

    public static boolean within(LocalDate date) {
        return date == null || (!date.isBefore(FIRST) && !date.isAfter(LAST));
    }

    /** A date as YYYY-MM-DD within the span; anything else is an {@link IllegalArgumentException}. */
    public static LocalDate date(String text) {
        LocalDate date;
        try {
            date = LocalDate.parse(text.strip(), DateTimeFormatter.ISO_LOCAL_DATE);
        }
        catch (DateTimeException ex) {
            throw new IllegalArgumentException("Not a date as YYYY-MM-DD: " + shorten(text), ex);
        }
        return checked(date);
    }

    /**
     * A date-time as YYYY-MM-DDTHH:MM[:SS] on the clinic's wall clock; with an offset or zone it is converted to
     * the clinic's zone first. Outside the span, or not ISO-8601: {@link IllegalArgumentException}.
     */
    public static LocalDateTime dateTime(String text, ZoneId clinicZone) {
        LocalDateTime local;
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(text.strip());
            ZoneId given = parsed.query(TemporalQueries.zone());
            local = given == null ? LocalDateTime.from(parsed)
                    : ZonedDateTime.from(parsed).withZoneSameInstant(clinicZone).toLocalDateTime();
        }
        catch (DateTimeException ex) {
            throw new IllegalArgumentException("Not a date-time as YYYY-MM-DDTHH:MM: " + shorten(text), ex);
        }
        checked(local.toLocalDate());
        return local;
    }

    private static LocalDate checked(LocalDate date) {
        if (!within(date)) {
            throw new IllegalArgumentException("Date outside " + FIRST + " to " + LAST + ": " + date);
        }
        return date;
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
