package com.coursebook.scheduling;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcType;
import org.hibernate.type.descriptor.jdbc.LocalTimeJdbcType;

/**
 * A weekly pause inside a practitioner's working hours (e.g. lunch, Monday 13:00–14:00). Never edited:
 * an admin removes one and adds another, so the row has no version.
 */
@Entity
@Table(name = "working_break")
public class WorkingBreak {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

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

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected WorkingBreak() {
    }

    public WorkingBreak(Practitioner practitioner, DayOfWeek day, LocalTime startsAt, LocalTime endsAt) {
        Objects.requireNonNull(practitioner, "practitioner");
        Objects.requireNonNull(day, "day");
        if (startsAt == null || endsAt == null || !startsAt.isBefore(endsAt)) {
            throw new IllegalArgumentException("A break must end after it starts");
        }
        this.practitioner = practitioner;
        this.dayOfWeek = (short) day.getValue();
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.createdAt = Instant.now();
    }

    public Long getId() {
        return id;
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

    public Instant getCreatedAt() {
        return createdAt;
    }
}
