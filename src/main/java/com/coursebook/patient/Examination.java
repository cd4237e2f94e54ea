package com.coursebook.patient;

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
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;

import com.coursebook.catalog.TreatmentProgram;

import org.hibernate.annotations.Immutable;

/** A clinician's examination before a program, clearing the patient for it or not. Recorded once, never edited. */
@Entity
@Immutable
@Table(name = "examination")
public class Examination {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "patient_id", nullable = false)
    private Long patientId;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "program_id")
    private TreatmentProgram program;

    @Column(name = "examined_on", nullable = false)
    private LocalDate examinedOn;

    @Column(nullable = false)
    private boolean cleared;

    private String findings;

    @Column(name = "examined_by", nullable = false)
    private String examinedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Examination() {
    }

    Examination(Long patientId, TreatmentProgram program, LocalDate examinedOn, boolean cleared, String findings,
            String examinedBy) {
        this.patientId = patientId;
        this.program = program;
        this.examinedOn = examinedOn;
        this.cleared = cleared;
        this.findings = findings;
        this.examinedBy = examinedBy;
    }

    @PrePersist
    void stamp() {
        createdAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public Long getPatientId() {
        return patientId;
    }

    public TreatmentProgram getProgram() {
        return program;
    }

    public LocalDate getExaminedOn() {
        return examinedOn;
    }

    public boolean isCleared() {
        return cleared;
    }

    public String getFindings() {
        return findings;
    }

    public String getExaminedBy() {
        return examinedBy;
    }
}
