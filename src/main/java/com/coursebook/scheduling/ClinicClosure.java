package com.coursebook.scheduling;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A day on which one location, or every location (no location), takes no sessions: a holiday, a repair. */
@Entity
@Table(name = "clinic_closure")
public class ClinicClosure {

    static final int REASON_MAX_LENGTH = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "location_id")
    private Location location;

    @Column(name = "closed_on", nullable = false)
    private LocalDate closedOn;

    @Column(nullable = false)
    private String reason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected ClinicClosure() {
    }

    /** A closure of every location. */
    public static ClinicClosure everywhere(LocalDate closedOn, String reason) {
        return new ClinicClosure(null, closedOn, reason);
    }

    /** A closure of one location; the others stay open. */
    public static ClinicClosure of(Location location, LocalDate closedOn, String reason) {
        if (location == null) {
            throw new IllegalArgumentException("A closure of one location needs the location");
        }
        return new ClinicClosure(location, closedOn, reason);
    }

    private ClinicClosure(Location location, LocalDate closedOn, String reason) {
        if (closedOn == null) {
            throw new IllegalArgumentException("A closure needs its date");
        }
        // The reason is what staff tell patients who ask, so a closure always has one.
        String stripped = reason == null ? "" : reason.strip();
        if (stripped.isEmpty() || stripped.length() > REASON_MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "A closure needs a reason of at most " + REASON_MAX_LENGTH + " characters");
        }
        this.location = location;
        this.closedOn = closedOn;
        this.reason = stripped;
        this.createdAt = Instant.now();
    }

    public boolean isEverywhere() {
        return location == null;
    }

    public Long getId() {
        return id;
    }

    /** Null for a closure of every location. */
    public Location getLocation() {
        return location;
    }

    public LocalDate getClosedOn() {
        return closedOn;
    }

    public String getReason() {
        return reason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
