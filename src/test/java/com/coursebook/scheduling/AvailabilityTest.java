package com.coursebook.scheduling;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

import com.coursebook.shared.ClinicClock;
import com.coursebook.shared.InvalidRequestException;
import com.coursebook.shared.NotFoundException;
import com.coursebook.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Availability against the real database: what it loads, and what it answers. */
@IntegrationTest
class AvailabilityTest {

    @Autowired
    Availability availability;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ClinicClock clock;

    ScheduleFixture fixture;

    LocalDate monday;

    long location;

    long practitioner;

    @BeforeEach
    void setUp() {
        fixture = new ScheduleFixture(jdbc, clock);
        monday = fixture.farMonday();
        location = fixture.location();
        practitioner = fixture.practitioner(location);
    }

    @AfterEach
    void cleanUp() {
        fixture.removeAll();
    }

    @Test
    @DisplayName("free slots are the working hours less the lunch break and a booked session; "
            + "back to back with either is free, and a cancelled session or another practitioner's blocks nothing")
    void hoursLessBreakAndSessions() {
        fixture.hours(practitioner, DayOfWeek.MONDAY, "09:00", "14:00");
        fixture.workingBreak(practitioner, DayOfWeek.MONDAY, "12:00", "13:00");
        fixture.session(practitioner, monday.atTime(10, 0), monday.atTime(10, 30), "BOOKED");
        fixture.session(practitioner, monday.atTime(11, 0), monday.atTime(11, 30), "CANCELLED_EARLY");
        long colleague = fixture.practitioner(location);
        fixture.session(colleague, monday.atTime(13, 0), monday.atTime(13, 30), "BOOKED");

        List<Slot> slots = availability.freeSlots(practitioner, monday, monday, 30);

        assertThat(slots).extracting(slot -> slot.startsAt().toLocalTime().toString()).containsExactly(
                "09:00", "09:15", "09:30", // 09:30–10:00 ends as the session starts
                "10:30", "10:45", "11:00", "11:15", "11:30", // 10:30 starts as it ends; 11:30–12:00 ends at lunch
                "13:00", "13:15", "13:30");
        assertThat(slots.get(0)).isEqualTo(new Slot(monday.atTime(9, 0), monday.atTime(9, 30)));
    }

    @Test
    @DisplayName("no free slot on leave, on a closure of every location or of the practitioner's own; "
            + "a closure of another location changes nothing")
    void leaveAndClosures() {
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            fixture.hours(practitioner, day, "09:00", "10:00");
        }
        fixture.leave(practitioner, monday.plusDays(1), monday.plusDays(1));
        fixture.closure(location, monday.plusDays(2));
        fixture.closure(null, monday.plusDays(3));
        fixture.closure(fixture.location(), monday.plusDays(4));

        assertThat(availability.freeSlots(practitioner, monday, monday.plusDays(6), 60))
                .containsExactly(new Slot(monday.atTime(9, 0), monday.atTime(10, 0)),
                        new Slot(monday.plusDays(4).atTime(9, 0), monday.plusDays(4).atTime(10, 0)));
    }

    @Test
    @DisplayName("a day is unavailable on a weekday without hours, on leave, or when the clinic is closed "
            + "everywhere or at the practitioner's location; not when another location is closed")
    void unavailableDays() {
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            fixture.hours(practitioner, day, "09:00", "18:00");
        }
        fixture.leave(practitioner, monday.plusDays(1), monday.plusDays(1));
        fixture.closure(location, monday.plusDays(2));
        fixture.closure(null, monday.plusDays(3));
        fixture.closure(fixture.location(), monday.plusDays(4));

        Predicate<LocalDate> unavailable = availability.unavailableDays(practitioner);

        assertThat(monday.datesUntil(monday.plusDays(8)).filter(unavailable)).containsExactly(
                monday.plusDays(1), monday.plusDays(2), monday.plusDays(3), // leave, own location, everywhere
                monday.plusDays(5), monday.plusDays(6)); // the weekend: no hours
    }

    @Test
    @DisplayName("with no working hours recorded no weekday is unavailable, but leave and closures still are, "
            + "and no slot is offered")
    void noWorkingHoursAtAll() {
        fixture.leave(practitioner, monday.plusDays(1), monday.plusDays(2));
        fixture.closure(null, monday.plusDays(5));

        Predicate<LocalDate> unavailable = availability.unavailableDays(practitioner);

        assertThat(monday.datesUntil(monday.plusDays(7)).filter(unavailable))
                .containsExactly(monday.plusDays(1), monday.plusDays(2), monday.plusDays(5));
        assertThat(availability.freeSlots(practitioner, monday, monday.plusDays(6), 30)).isEmpty();
    }

    @Test
    @DisplayName("leave that began before today still makes its remaining days unavailable")
    void leaveUnderway() {
        LocalDate today = clock.today();
        fixture.leave(practitioner, today.minusDays(10), today.plusDays(3));

        Predicate<LocalDate> unavailable = availability.unavailableDays(practitioner);

        assertThat(unavailable).accepts(today, today.plusDays(3)).rejects(today.plusDays(4));
    }

    @Test
    @DisplayName("unavailable days are read once, up front: leave recorded later shows in the next answer only")
    void readOnceUpFront() {
        fixture.hours(practitioner, DayOfWeek.MONDAY, "09:00", "10:00");
        Predicate<LocalDate> unavailable = availability.unavailableDays(practitioner);

        fixture.leave(practitioner, monday, monday);

        assertThat(unavailable).rejects(monday); // loaded before the leave was recorded
        assertThat(availability.unavailableDays(practitioner)).accepts(monday);
    }

    @Test
    @DisplayName("an unknown practitioner, a reversed or too long range, or an odd slot length is refused")
    void refusals() {
        assertThatThrownBy(() -> availability.unavailableDays(Long.MAX_VALUE)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> availability.freeSlots(Long.MAX_VALUE, monday, monday, 30))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> availability.freeSlots(practitioner, monday, monday.minusDays(1), 30))
                .isInstanceOf(InvalidRequestException.class).hasMessage("availability.range.reversed");
        assertThatThrownBy(() -> availability.freeSlots(practitioner, monday, monday.plusDays(62), 30))
                .isInstanceOf(InvalidRequestException.class).hasMessage("availability.range.tooLong");
        assertThat(availability.freeSlots(practitioner, monday, monday.plusDays(61), 30)).isEmpty();
        assertThatThrownBy(() -> availability.freeSlots(practitioner, monday, monday, 0))
                .isInstanceOf(InvalidRequestException.class).hasMessage("availability.minutes.range");
    }
}
