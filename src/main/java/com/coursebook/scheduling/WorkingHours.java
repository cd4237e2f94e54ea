package com.coursebook.scheduling;

import java.time.DayOfWeek;
import java.time.LocalTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcType;
import org.hibernate.type.descriptor.jdbc.LocalTimeJdbcType;

import com.coursebook.shared.VersionedEntity;

/** One weekly working period of a practitioner (e.g. Monday 08:00–20:00). */
@Entity
@Table(name = "working_hours")
public class WorkingHours extends VersionedEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "practitioner_id")
    private Practitioner practitioner;

    @Column(name = "day_of_week", nullable = false)
    private short dayOfWeek;

    // Bound as a plain LocalTime: hibernate.jdbc.time_zone would otherwise shift it by the server's own zone.
    @Column(name = "starts_at", nullable = false)
    @JdbcType(LocalTimeJdbcType.class)
    private LocalTime startsAt;

    @Column(name = "ends_at", nullable = false)
    @JdbcType(LocalTimeJdbcType.class)
    private LocalTime endsAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "location_id")
    private Location location;

    protected WorkingHours() {
    }

    public WorkingHours(Practitioner practitioner, DayOfWeek day, LocalTime startsAt, LocalTime endsAt,
            Location location) {
        if (!startsAt.isBefore(endsAt)) {
            throw new IllegalArgumentException("Working hours must end after they start");
        }
        this.practitioner = practitioner;
        this.dayOfWeek = (short) day.getValue();
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.location = location;
    }

    public DayOfWeek getDayOfWeek() {
        return DayOfWeek.of(dayOfWeek);
    }

    public LocalTime getStartsAt() {
        return startsAt;
    }

    public LocalTime getEndsAt() {
        return endsAt;
    }
}
