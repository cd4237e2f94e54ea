package com.coursebook.scheduling;

import java.time.Instant;
import java.time.LocalDate;
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

/** Leave, sickness or training: whole days, both ends included, on which a practitioner takes no sessions. */
@Entity
@Table(name = "practitioner_absence")
public class Absence {

    static final int REASON_MAX_LENGTH = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "practitioner_id")
    private Practitioner practitioner;

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    private LocalDate endsOn;

    private String reason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Absence() {
    }

    /** The reason is optional (staff need not say why someone is away); a blank one is stored as none. */
    public Absence(Practitioner practitioner, LocalDate startsOn, LocalDate endsOn, String reason) {
        Objects.requireNonNull(practitioner, "practitioner");
        if (startsOn == null || endsOn == null || endsOn.isBefore(startsOn)) {
            throw new IllegalArgumentException("Leave must not end before it starts");
        }
        String stripped = reason == null ? null : reason.strip();
        if (stripped != null && stripped.length() > REASON_MAX_LENGTH) {
            throw new IllegalArgumentException("Reason too long");
        }
        this.practitioner = practitioner;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.reason = stripped == null || stripped.isEmpty() ? null : stripped;
        this.createdAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public String getReason() {
        return reason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
