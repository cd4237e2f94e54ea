package com.coursebook.patient;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** An actual period start the patient reported; predictions re-anchor on the latest one. */
@Entity
@Immutable
@Table(name = "menstrual_period")
public class MenstrualPeriod {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "patient_id", nullable = false)
    private Long patientId;

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected MenstrualPeriod() {
    }

    MenstrualPeriod(Long patientId, LocalDate startsOn, String recordedBy) {
        this.patientId = patientId;
        this.startsOn = startsOn;
        this.recordedBy = recordedBy;
    }

    @PrePersist
    void stamp() {
        createdAt = Instant.now();
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }
}
