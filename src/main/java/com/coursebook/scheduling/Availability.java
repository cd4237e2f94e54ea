package com.coursebook.scheduling;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import com.coursebook.shared.ClinicClock;
import com.coursebook.shared.TimeSlot;
import com.coursebook.shared.InvalidRequestException;
import com.coursebook.shared.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When a practitioner can take sessions: weekly working hours, less breaks, leave, clinic closures and what
 * is already booked. Everything is loaded up front in a few range-bounded queries, never one per day.
 */
@Service
@Transactional(readOnly = true)
public class Availability {

    /** Free slots are offered on this grid, so the times a receptionist reads out stay round. */
    static final int SLOT_STEP_MINUTES = 15;

    /** The longest range one free-slot request may cover: two months answers any phone call, and stays small. */
    public static final int MAX_RANGE_DAYS = 62;

    static final int MIN_SLOT_MINUTES = 5;

    static final int MAX_SLOT_MINUTES = 8 * 60;

    /**
     * How far ahead {@link #unavailableDays} knows leave and closures. The planner looks at most a year ahead
     * for a start and plans at most a year of sessions from it.
     */
    static final int KNOWN_AHEAD_YEARS = 2;

    private final Practitioners practitioners;

    private final WorkingHoursRepository workingHours;

    private final WorkingBreaks breaks;

    private final Absences absences;

    private final ClinicClosures closures;

    private final BookedTime bookedTime;

    private final ClinicClock clock;

    Availability(Practitioners practitioners, WorkingHoursRepository workingHours, WorkingBreaks breaks,
            Absences absences, ClinicClosures closures, BookedTime bookedTime, ClinicClock clock) {
        this.practitioners = practitioners;
        this.workingHours = workingHours;
        this.breaks = breaks;
        this.absences = absences;
        this.closures = closures;
        this.bookedTime = bookedTime;
        this.clock = clock;
    }

    /**
     * Days on which the practitioner takes no sessions at all: a weekday without working hours, leave, a
     * closure of every location or of the practitioner's own, or a weekday their location does not open. A practitioner with no working hours recorded
     * yet is not restricted by weekday (nothing is known), but leave and closures still count. Leave and
     * closures are read for {@value #KNOWN_AHEAD_YEARS} years from today; beyond that only the week counts.
     * The answer is computed now and holds no database connection, so the planner may call it for every day.
     */
    public Predicate<LocalDate> unavailableDays(Long practitionerId) {
        Practitioner practitioner = practitioner(practitionerId);
        Set<DayOfWeek> workingDays = workingHours.workingDays(practitionerId);
        LocalDate today = clock.today();
        Set<LocalDate> daysOff = daysOff(practitioner, today, today.plusYears(KNOWN_AHEAD_YEARS));
        return date -> daysOff.contains(date) || !workingDays.isEmpty() && !workingDays.contains(date.getDayOfWeek());
    }

    /**
     * Slots of {@code minutes} from {@code from} to {@code to} (both included, clinic dates) in which the
     * practitioner works and is not booked, starting after now, in time order.
     */
    public List<Slot> freeSlots(Long practitionerId, LocalDate from, LocalDate to, int minutes) {
        if (to.isBefore(from)) {
            throw new InvalidRequestException("to", "availability.range.reversed");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_RANGE_DAYS) {
            throw new InvalidRequestException("to", "availability.range.tooLong", MAX_RANGE_DAYS);
        }
        if (minutes < MIN_SLOT_MINUTES || minutes > MAX_SLOT_MINUTES) {
            throw new InvalidRequestException("minutes", "availability.minutes.range", MIN_SLOT_MINUTES,
                    MAX_SLOT_MINUTES);
        }
        Practitioner practitioner = practitioner(practitionerId);
        List<SlotFinder.Weekly> week = workingHours.findWeek(practitionerId).stream()
                .map(h -> new SlotFinder.Weekly(h.getDayOfWeek(), h.getStartsAt(), h.getEndsAt())).toList();
        List<SlotFinder.Weekly> pauses = breaks.findWeek(practitionerId).stream()
                .map(b -> new SlotFinder.Weekly(b.getDayOfWeek(), b.getStartsAt(), b.getEndsAt())).toList();
        Set<LocalDate> daysOff = daysOff(practitioner, from, to);
        List<TimeSlot> booked = bookedTime.of(practitionerId, clock.toInstant(from.atStartOfDay()),
                clock.toInstant(to.plusDays(1).atStartOfDay()));
        return new SlotFinder(clock.zone(), week, pauses, daysOff::contains, booked)
                .find(from, to, Duration.ofMinutes(minutes), Duration.ofMinutes(SLOT_STEP_MINUTES), clock.now());
    }

    private Practitioner practitioner(Long id) {
        // The id as text: a number argument would be shown with digit grouping ("1,234").
        return practitioners.findWithLocation(id)
                .orElseThrow(() -> new NotFoundException("availability.practitioner.notFound", String.valueOf(id)));
    }

    /** Leave, closures and the weekdays the location is shut that apply to the practitioner, from {@code from} to {@code to}: two queries. */
    private Set<LocalDate> daysOff(Practitioner practitioner, LocalDate from, LocalDate to) {
        Set<LocalDate> days = new HashSet<>();
        for (Absence absence : absences.findOverlapping(practitioner.getId(), from, to)) {
            LocalDate first = absence.getStartsOn().isBefore(from) ? from : absence.getStartsOn();
            LocalDate last = absence.getEndsOn().isAfter(to) ? to : absence.getEndsOn();
            first.datesUntil(last.plusDays(1)).forEach(days::add);
        }
        Long locationId = practitioner.getLocation() == null ? null : practitioner.getLocation().getId();
        days.addAll(closures.findClosedDays(locationId, from, to));
        // The weekdays the practitioner's location does not open are days off like a closure.
        Location location = practitioner.getLocation();
        if (location != null && location.getOpeningDays().size() < 7) {
            from.datesUntil(to.plusDays(1)).filter(day -> !location.opensOn(day.getDayOfWeek())).forEach(days::add);
        }
        return days;
    }
}
