package com.coursebook.scheduling;

import com.coursebook.shared.TimeSlot;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The free-slot arithmetic on its own: a week, breaks, days off and booked sessions in, slots out. */
class SlotFinderTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    static final LocalDate MONDAY = LocalDate.of(2030, 3, 4);

    static final Duration STEP = Duration.ofMinutes(15);

    static final Instant LONG_AGO = Instant.EPOCH;

    @Test
    @DisplayName("offers every 15 minutes from the start of the working period while the whole slot fits")
    void gridFromPeriodStart() {
        SlotFinder finder = finder(List.of(weekly(DayOfWeek.MONDAY, "09:00", "10:00")), List.of(), day -> false,
                List.of());

        assertThat(starts(finder.find(MONDAY, MONDAY, Duration.ofMinutes(30), STEP, LONG_AGO)))
                .containsExactly("09:00", "09:15", "09:30");
    }

    @Test
    @DisplayName("a lunch break takes out every slot that overlaps it, and slots may end or start exactly at it")
    void breakSubtracted() {
        SlotFinder finder = finder(List.of(weekly(DayOfWeek.MONDAY, "12:00", "15:00")),
                List.of(weekly(DayOfWeek.MONDAY, "13:00", "14:00")), day -> false, List.of());

        List<Slot> slots = finder.find(MONDAY, MONDAY, Duration.ofMinutes(30), STEP, LONG_AGO);

        assertThat(starts(slots)).containsExactly("12:00", "12:15", "12:30", "14:00", "14:15", "14:30");
        assertThat(slots.get(2)).isEqualTo(new Slot(MONDAY.atTime(12, 30), MONDAY.atTime(13, 0)));
    }

    @Test
    @DisplayName("a booked session takes out what overlaps it; back to back before and after it stays free")
    void bookedSessionSubtracted() {
        SlotFinder finder = finder(List.of(weekly(DayOfWeek.MONDAY, "09:00", "11:00")), List.of(), day -> false,
                List.of(taken(MONDAY.atTime(9, 30), MONDAY.atTime(10, 0))));

        assertThat(starts(finder.find(MONDAY, MONDAY, Duration.ofMinutes(30), STEP, LONG_AGO)))
                .containsExactly("09:00", "10:00", "10:15", "10:30");
    }

    @Test
    @DisplayName("a session off the grid (a 40-minute one at 10:00) frees the next grid time after it ends")
    void sessionOffGrid() {
        SlotFinder finder = finder(List.of(weekly(DayOfWeek.MONDAY, "10:00", "12:00")), List.of(), day -> false,
                List.of(taken(MONDAY.atTime(10, 0), MONDAY.atTime(10, 40))));

        assertThat(starts(finder.find(MONDAY, MONDAY, Duration.ofMinutes(30), STEP, LONG_AGO)))
                .containsExactly("10:45", "11:00", "11:15", "11:30");
    }

    @Test
    @DisplayName("no slot on a day off (leave or a closure), nor on a weekday without working hours")
    void daysOffAndWeekdaysWithoutHours() {
        Set<LocalDate> daysOff = Set.of(MONDAY.plusDays(1));
        SlotFinder finder = finder(List.of(weekly(DayOfWeek.MONDAY, "09:00", "09:30"),
                weekly(DayOfWeek.TUESDAY, "09:00", "09:30"), weekly(DayOfWeek.WEDNESDAY, "09:00", "09:30")),
                List.of(), daysOff::contains, List.of());

        assertThat(finder.find(MONDAY, MONDAY.plusDays(3), Duration.ofMinutes(30), STEP, LONG_AGO))
                .extracting(Slot::startsAt)
                .containsExactly(MONDAY.atTime(9, 0), MONDAY.plusDays(2).atTime(9, 0));
    }

    @Test
    @DisplayName("overlapping working periods of one day count once, on one grid")
    void overlappingPeriodsMerged() {
        SlotFinder finder = finder(List.of(weekly(DayOfWeek.MONDAY, "09:00", "10:00"),
                weekly(DayOfWeek.MONDAY, "09:30", "10:30")), List.of(), day -> false, List.of());

        assertThat(starts(finder.find(MONDAY, MONDAY, Duration.ofMinutes(60), STEP, LONG_AGO)))
                .containsExactly("09:00", "09:15", "09:30");
    }

    @Test
    @DisplayName("a session on another day, or one that touches the working day only at its edge, blocks nothing")
    void sessionElsewhere() {
        SlotFinder finder = finder(List.of(weekly(DayOfWeek.MONDAY, "09:00", "10:00")), List.of(), day -> false,
                List.of(taken(MONDAY.minusDays(7).atTime(9, 0), MONDAY.minusDays(7).atTime(10, 0)),
                        taken(MONDAY.atTime(8, 0), MONDAY.atTime(9, 0))));

        assertThat(starts(finder.find(MONDAY, MONDAY, Duration.ofMinutes(60), STEP, LONG_AGO)))
                .containsExactly("09:00");
    }

    @Test
    @DisplayName("slots that start at or before the given instant (now) are not offered")
    void pastNotOffered() {
        SlotFinder finder = finder(List.of(weekly(DayOfWeek.MONDAY, "09:00", "10:00")), List.of(), day -> false,
                List.of());
        Instant now = MONDAY.atTime(9, 15).atZone(MOSCOW).toInstant();

        assertThat(starts(finder.find(MONDAY, MONDAY, Duration.ofMinutes(15), STEP, now)))
                .containsExactly("09:30", "09:45");
    }

    @Test
    @DisplayName("a slot longer than any working period finds nothing")
    void tooLong() {
        SlotFinder finder = finder(List.of(weekly(DayOfWeek.MONDAY, "09:00", "10:00")), List.of(), day -> false,
                List.of());

        assertThat(finder.find(MONDAY, MONDAY, Duration.ofMinutes(61), STEP, LONG_AGO)).isEmpty();
    }

    @Test
    @DisplayName("a period or slot that ends before it starts is refused")
    void illegalPeriods() {
        assertThatThrownBy(() -> weekly(DayOfWeek.MONDAY, "10:00", "09:00"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Slot(MONDAY.atTime(10, 0), MONDAY.atTime(10, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static SlotFinder finder(List<SlotFinder.Weekly> hours, List<SlotFinder.Weekly> breaks,
            Predicate<LocalDate> dayOff, List<TimeSlot> taken) {
        return new SlotFinder(MOSCOW, hours, breaks, dayOff, taken);
    }

    private static SlotFinder.Weekly weekly(DayOfWeek day, String from, String to) {
        return new SlotFinder.Weekly(day, LocalTime.parse(from), LocalTime.parse(to));
    }

    private static TimeSlot taken(LocalDateTime from, LocalDateTime to) {
        return new TimeSlot(from.atZone(MOSCOW).toInstant(), to.atZone(MOSCOW).toInstant());
    }

    private static List<String> starts(List<Slot> slots) {
        return slots.stream().map(slot -> slot.startsAt().toLocalTime().toString()).toList();
    }
}
