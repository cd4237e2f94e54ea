package com.coursebook.scheduling;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.coursebook.shared.TimeSlot;

/**
 * Works out free slots from a practitioner's week and what is already taken. No database and no clock of
 * its own, so the arithmetic is tested on its own; {@link Availability} loads the inputs.
 * <p>
 * Candidate starts lie on a grid from the start of each working period (08:00, 08:15, …), so the times
 * offered stay round. A slot may touch a break or a session but not overlap it: periods are half-open,
 * as in the database's exclusion constraints.
 */
final class SlotFinder {

    /** A weekly period on the wall clock: working hours or a break. */
    record Weekly(DayOfWeek day, LocalTime startsAt, LocalTime endsAt) {

        Weekly {
            if (!startsAt.isBefore(endsAt)) {
                throw new IllegalArgumentException("A period must end after it starts");
            }
        }
    }

    private final ZoneId zone;

    private final Map<DayOfWeek, List<Weekly>> hours = new EnumMap<>(DayOfWeek.class);

    private final Map<DayOfWeek, List<Weekly>> breaks = new EnumMap<>(DayOfWeek.class);

    private final Predicate<LocalDate> dayOff;

    private final List<TimeSlot> taken;

    /**
     * @param dayOff days with no sessions at all (leave, closures)
     * @param taken sessions already booked in the range
     */
    SlotFinder(ZoneId zone, List<Weekly> hours, List<Weekly> breaks, Predicate<LocalDate> dayOff, List<TimeSlot> taken) {
        this.zone = zone;
        for (Weekly period : hours) {
            this.hours.computeIfAbsent(period.day(), day -> new ArrayList<>()).add(period);
        }
        this.hours.replaceAll((day, periods) -> merged(periods));
        for (Weekly period : breaks) {
            this.breaks.computeIfAbsent(period.day(), day -> new ArrayList<>()).add(period);
        }
        this.dayOff = dayOff;
        this.taken = List.copyOf(taken);
    }

    /**
     * Every free slot of the given length from {@code from} to {@code to} (both included) that starts after
     * {@code notBefore}, in time order.
     */
    List<Slot> find(LocalDate from, LocalDate to, Duration length, Duration step, Instant notBefore) {
        if (length.isNegative() || length.isZero() || step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("length and step must be positive");
        }
        List<Slot> slots = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            if (dayOff.test(date)) {
                continue;
            }
            List<Weekly> periods = hours.getOrDefault(date.getDayOfWeek(), List.of());
            if (periods.isEmpty()) {
                continue;
            }
            List<TimeSlot> busy = busyOn(date);
            for (Weekly period : periods) {
                Instant periodEnd = instant(date, period.endsAt());
                LocalDateTime start = date.atTime(period.startsAt());
                Instant startsAt = start.atZone(zone).toInstant();
                while (!startsAt.plus(length).isAfter(periodEnd)) {
                    Instant endsAt = startsAt.plus(length);
                    if (startsAt.isAfter(notBefore) && isFree(busy, startsAt, endsAt)) {
                        slots.add(new Slot(LocalDateTime.ofInstant(startsAt, zone),
                                LocalDateTime.ofInstant(endsAt, zone)));
                    }
                    start = start.plus(step);
                    startsAt = start.atZone(zone).toInstant();
                }
            }
        }
        return slots;
    }

    /** The day's breaks and the sessions that touch the day. */
    private List<TimeSlot> busyOn(LocalDate date) {
        Instant dayStart = date.atStartOfDay(zone).toInstant();
        Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
        List<TimeSlot> busy = new ArrayList<>();
        for (Weekly pause : breaks.getOrDefault(date.getDayOfWeek(), List.of())) {
            busy.add(new TimeSlot(instant(date, pause.startsAt()), instant(date, pause.endsAt())));
        }
        for (TimeSlot session : taken) {
            if (overlaps(session, dayStart, dayEnd)) {
                busy.add(session);
            }
        }
        return busy;
    }

    private static boolean isFree(List<TimeSlot> busy, Instant startsAt, Instant endsAt) {
        return busy.stream().noneMatch(b -> overlaps(b, startsAt, endsAt));
    }

    private Instant instant(LocalDate date, LocalTime time) {
        return date.atTime(time).atZone(zone).toInstant();
    }

    private static boolean overlaps(TimeSlot taken, Instant startsAt, Instant endsAt) {
        return taken.startsAt().isBefore(endsAt) && startsAt.isBefore(taken.endsAt());
    }

    /** Overlapping or touching periods of one day become one, so a grid never restarts inside working time. */
    private static List<Weekly> merged(List<Weekly> periods) {
        List<Weekly> sorted = new ArrayList<>(periods);
        sorted.sort(Comparator.comparing(Weekly::startsAt));
        List<Weekly> merged = new ArrayList<>();
        for (Weekly period : sorted) {
            Weekly last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !period.startsAt().isAfter(last.endsAt())) {
                if (period.endsAt().isAfter(last.endsAt())) {
                    merged.set(merged.size() - 1, new Weekly(last.day(), last.startsAt(), period.endsAt()));
                }
            }
            else {
                merged.add(period);
            }
        }
        return merged;
    }
}
