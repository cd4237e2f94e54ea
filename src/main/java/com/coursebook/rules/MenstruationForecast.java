package com.coursebook.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.stream.Stream;

import com.coursebook.rules.Facts.Cycle;

/**
 * Predicts menstruation days from the last period start (or the latest reported start) and the cycle and
 * period lengths. Where a length is unknown, typical values are assumed, erring toward pausing.
 */
public final class MenstruationForecast {

    static final int TYPICAL_CYCLE_DAYS = 28;

    static final int TYPICAL_PERIOD_DAYS = 5;

    private MenstruationForecast() {
    }

    /** The predicted period that covers the date, if any; empty when there is no cycle data to go on. */
    public static Optional<Period> periodCovering(Cycle cycle, LocalDate date) {
        if (cycle == null) {
            return Optional.empty();
        }
        // Re-anchor on the latest known start on or before the date: reported starts correct the forecast.
        LocalDate anchor = Stream.concat(Stream.ofNullable(cycle.lastPeriodStart()), cycle.reportedStarts().stream())
                .filter(start -> !start.isAfter(date)).max(LocalDate::compareTo).orElse(null);
        if (anchor == null) {
            return Optional.empty();
        }
        int cycleDays = cycle.cycleLengthDays() == null ? TYPICAL_CYCLE_DAYS : cycle.cycleLengthDays();
        int periodDays = cycle.periodLengthDays() == null ? TYPICAL_PERIOD_DAYS : cycle.periodLengthDays();
        long offset = ChronoUnit.DAYS.between(anchor, date) % cycleDays;
        if (offset >= periodDays) {
            return Optional.empty();
        }
        LocalDate start = date.minusDays(offset);
        // A start reported later in this same cycle means the period had not begun yet on this date.
        boolean laterReportedStart = cycle.reportedStarts().stream()
                .anyMatch(reported -> reported.isAfter(date) && reported.isBefore(start.plusDays(cycleDays)));
        if (laterReportedStart) {
            return Optional.empty();
        }
        return Optional.of(new Period(start, start.plusDays(periodDays - 1L)));
    }

    public static boolean isPredicted(Cycle cycle, LocalDate date) {
        return periodCovering(cycle, date).isPresent();
    }

    /** A predicted period, first and last day inclusive. */
    public record Period(LocalDate firstDay, LocalDate lastDay) {
    }
}
