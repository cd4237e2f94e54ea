package com.coursebook.scheduling;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.coursebook.shared.ClinicClock;
import com.coursebook.shared.TimeSlot;

import org.springframework.stereotype.Component;

/**
 * Turns a first date, a count and a cadence into session dates, skipping days that must not carry a session
 * (predicted menstruation now; closures and days off as scheduling grows). A skipped day moves the session
 * to the next day that is allowed, so the gap after a pause is never shorter than the cadence.
 */
@Component
public class CoursePlanner {

    /** Planning stops here: a course that cannot be fitted into a year is not planned at all. */
    static final int HORIZON_DAYS = 366;

    public Plan plan(LocalDate first, int count, int cadenceDays, Predicate<LocalDate> skip) {
        if (count < 1 || cadenceDays < 1) {
            throw new IllegalArgumentException("count and cadence must be positive");
        }
        List<LocalDate> dates = new ArrayList<>();
        List<LocalDate> skipped = new ArrayList<>();
        LocalDate candidate = first;
        LocalDate last = first.plusDays(HORIZON_DAYS);
        while (dates.size() < count && !candidate.isAfter(last)) {
            if (skip.test(candidate)) {
                skipped.add(candidate);
                candidate = candidate.plusDays(1);
            }
            else {
                dates.add(candidate);
                candidate = candidate.plusDays(cadenceDays);
            }
        }
        return new Plan(dates, skipped);
    }

    /**
     * The sessions' start and end instants: each date at the same wall-clock time in the clinic's zone, so a
     * daylight-saving change moves no one's appointment by an hour.
     */
    public static List<TimeSlot> slots(List<LocalDateTime> starts, int minutes, ClinicClock clock) {
        return starts.stream().map(start -> TimeSlot.of(clock.toInstant(start), minutes)).toList();
    }

    /** Planned session dates in order, and the days passed over on the way. */
    public record Plan(List<LocalDate> dates, List<LocalDate> skipped) {

        public Plan {
            dates = List.copyOf(dates);
            skipped = List.copyOf(skipped);
        }
    }
}
