package com.coursebook.scheduling;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import com.coursebook.rules.Facts.Cycle;
import com.coursebook.rules.MenstruationForecast;
import com.coursebook.shared.ClinicClock;
import com.coursebook.shared.TimeSlot;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CoursePlannerTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    final CoursePlanner planner = new CoursePlanner();

    @Test
    @DisplayName("every other day: ten sessions two days apart")
    void everyOtherDay() {
        var plan = planner.plan(MONDAY, 10, 2, day -> false);
        assertThat(plan.dates()).hasSize(10).startsWith(MONDAY, MONDAY.plusDays(2), MONDAY.plusDays(4));
        assertThat(plan.dates().get(9)).isEqualTo(MONDAY.plusDays(18));
        assertThat(plan.skipped()).isEmpty();
    }

    @Test
    @DisplayName("daily: consecutive days")
    void daily() {
        assertThat(planner.plan(MONDAY, 5, 1, day -> false).dates())
                .containsExactly(MONDAY, MONDAY.plusDays(1), MONDAY.plusDays(2), MONDAY.plusDays(3), MONDAY.plusDays(4));
    }

    @Test
    @DisplayName("a day off or a closure moves the session to the next allowed day, never closer to the previous one")
    void skipsDaysOffAndClosures() {
        LocalDate closure = MONDAY.plusDays(4); // Friday, a holiday
        Predicate<LocalDate> skip = day -> day.getDayOfWeek() == DayOfWeek.SUNDAY || day.equals(closure);
        var plan = planner.plan(MONDAY, 5, 2, skip);
        // Mon, Wed, (Fri closed) Sat, (Mon would be next: +2 from Sat) Mon, Wed
        assertThat(plan.dates()).containsExactly(MONDAY, MONDAY.plusDays(2), MONDAY.plusDays(5), MONDAY.plusDays(7),
                MONDAY.plusDays(9));
        assertThat(plan.skipped()).containsExactly(closure);
    }

    @Test
    @DisplayName("predicted menstruation days are passed over and the course resumes after them")
    void menstruation() {
        Cycle cycle = new Cycle(MONDAY.plusDays(3).minusDays(28), 28, 5, List.of());
        var plan = planner.plan(MONDAY, 8, 1, day -> MenstruationForecast.isPredicted(cycle, day));
        assertThat(plan.skipped()).containsExactly(MONDAY.plusDays(3), MONDAY.plusDays(4), MONDAY.plusDays(5),
                MONDAY.plusDays(6), MONDAY.plusDays(7));
        assertThat(plan.dates()).hasSize(8).contains(MONDAY.plusDays(2), MONDAY.plusDays(8))
                .doesNotContainAnyElementsOf(plan.skipped());
    }

    @Test
    @DisplayName("a course that cannot fit within a year is planned short, so the length rule refuses it")
    void horizon() {
        assertThat(planner.plan(MONDAY, 10, 1, day -> true).dates()).isEmpty();
    }

    @Test
    @DisplayName("across a daylight-saving change the wall-clock time stays 10:00; the instants move by 23 or 25 hours")
    void daylightSaving() {
        ClinicClock berlin = new ClinicClock(Clock.system(ZoneId.of("Europe/Berlin")));
        LocalDate saturday = LocalDate.of(2026, 10, 24); // clocks go back on Sunday 25 October
        var dates = planner.plan(saturday, 3, 1, day -> false).dates();
        List<TimeSlot> slots = CoursePlanner.slots(dates.stream().map(d -> d.atTime(10, 0)).toList(), 30, berlin);
        assertThat(slots).allSatisfy(slot -> assertThat(berlin.toLocal(slot.startsAt()).toLocalTime()).isEqualTo(LocalTime.of(10, 0)));
        assertThat(Duration.between(slots.get(0).startsAt(), slots.get(1).startsAt())).isEqualTo(Duration.ofHours(25));
        assertThat(Duration.between(slots.get(1).startsAt(), slots.get(2).startsAt())).isEqualTo(Duration.ofHours(24));
        assertThat(Duration.between(slots.get(0).startsAt(), slots.get(0).endsAt())).isEqualTo(Duration.ofMinutes(30));
        assertThat(Set.of(berlin.toLocal(slots.get(2).startsAt()).toLocalDate())).containsExactly(LocalDate.of(2026, 10, 26));
    }
}
