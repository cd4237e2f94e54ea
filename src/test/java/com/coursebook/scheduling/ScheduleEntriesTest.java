package com.coursebook.scheduling;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;

import com.coursebook.catalog.Specialty;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Breaks, leave, closures and rooms refuse values that make no sense, whoever creates them. */
class ScheduleEntriesTest {

    static final Location CLINIC = new Location("Clinic", null);

    static final Practitioner DOCTOR = new Practitioner("Pyotr", "Urvantsev", Specialty.UROLOGY, CLINIC);

    static final LocalDate DAY = LocalDate.of(2030, 3, 4);

    @Test
    @DisplayName("a break must end after it starts")
    void breakEndsAfterStart() {
        assertThatThrownBy(() -> new WorkingBreak(DOCTOR, DayOfWeek.MONDAY, LocalTime.of(14, 0), LocalTime.of(13, 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkingBreak(DOCTOR, DayOfWeek.MONDAY, LocalTime.of(13, 0), LocalTime.of(13, 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new WorkingBreak(DOCTOR, DayOfWeek.MONDAY, LocalTime.of(13, 0), LocalTime.of(14, 0)).getDayOfWeek())
                .isEqualTo(DayOfWeek.MONDAY);
    }

    @Test
    @DisplayName("leave may be a single day but must not end before it starts; a blank reason is no reason")
    void leaveDays() {
        assertThatThrownBy(() -> new Absence(DOCTOR, DAY, DAY.minusDays(1), "Leave"))
                .isInstanceOf(IllegalArgumentException.class);
        Absence oneDay = new Absence(DOCTOR, DAY, DAY, "   ");
        assertThat(oneDay.getReason()).isNull();
        assertThat(new Absence(DOCTOR, DAY, DAY.plusDays(6), " Annual leave ").getReason()).isEqualTo("Annual leave");
    }

    @Test
    @DisplayName("a closure needs a date and a reason; a closure of one location needs the location")
    void closures() {
        assertThatThrownBy(() -> ClinicClosure.everywhere(DAY, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClinicClosure.everywhere(null, "Holiday")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClinicClosure.of(null, DAY, "Repairs")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ClinicClosure.everywhere(DAY, "Holiday").isEverywhere()).isTrue();
        assertThat(ClinicClosure.of(CLINIC, DAY, "Repairs").isEverywhere()).isFalse();
    }

    @Test
    @DisplayName("a room needs a location, a name and a type code; it can be taken out of use and put back")
    void rooms() {
        assertThatThrownBy(() -> new Room(CLINIC, " ", "UROLOGY")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Room(CLINIC, "Room 9", "urology room")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Room(null, "Room 9", "UROLOGY")).isInstanceOf(IllegalArgumentException.class);

        Room room = new Room(CLINIC, " Room 9 ", "UROLOGY");
        assertThat(room.getName()).isEqualTo("Room 9");
        assertThat(room.isActive()).isTrue();
        room.deactivate();
        assertThat(room.isActive()).isFalse();
        room.activate();
        assertThat(room.isActive()).isTrue();
    }
}
