package com.coursebook.scheduling;

import java.time.DayOfWeek;
import java.time.LocalTime;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

import org.springframework.format.annotation.DateTimeFormat;

/** A weekly period an admin adds to a practitioner's week: working hours or a break. */
public class WeeklyPeriodForm {

    @NotNull(message = "{scheduling.day.required}")
    private DayOfWeek day;

    // A browser's time field sends hh:mm; without a pattern Spring would expect the locale's "9:00 AM".
    @NotNull(message = "{scheduling.time.required}")
    @DateTimeFormat(pattern = "HH:mm")
    private LocalTime startsAt;

    @NotNull(message = "{scheduling.time.required}")
    @DateTimeFormat(pattern = "HH:mm")
    private LocalTime endsAt;

    @AssertTrue(message = "{scheduling.period.endsBeforeStart}")
    public boolean isEndsAfterStart() {
        return startsAt == null || endsAt == null || endsAt.isAfter(startsAt);
    }

    public DayOfWeek getDay() {
        return day;
    }

    public void setDay(DayOfWeek day) {
        this.day = day;
    }

    public LocalTime getStartsAt() {
        return startsAt;
    }

    public void setStartsAt(LocalTime startsAt) {
        this.startsAt = startsAt;
    }

    public LocalTime getEndsAt() {
        return endsAt;
    }

    public void setEndsAt(LocalTime endsAt) {
        this.endsAt = endsAt;
    }
}
