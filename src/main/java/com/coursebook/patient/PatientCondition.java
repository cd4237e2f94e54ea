package com.coursebook.patient;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import com.coursebook.catalog.Contraindication;
import com.coursebook.shared.ConflictException;
import com.coursebook.shared.VersionedEntity;

/**
 * A contraindication recorded for a patient by a clinician: since when, until when it is expected to last,
 * and when it was resolved. For a window after an event (childbirth, surgery) the onset is the event date.
 */
@Entity
@Table(name = "patient_condition")
public class PatientCondition extends VersionedEntity {

    @Column(name = "patient_id", nullable = false, updatable = false)
    private Long patientId;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "contraindication_id", updatable = false)
    private Contraindication contraindication;

    @Column(nullable = false)
    private LocalDate onset;

    @Column(name = "expected_end")
    private LocalDate expectedEnd;

    @Column(name = "resolved_on")
    private LocalDate resolvedOn;

    private String note;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    protected PatientCondition() {
    }

    PatientCondition(Long patientId, Contraindication contraindication, LocalDate onset, LocalDate expectedEnd,
            LocalDate resolvedOn, String note, String recordedBy) {
        if (expectedEnd != null && expectedEnd.isBefore(onset)) {
            throw new ConflictException("condition.expectedEnd.beforeOnset");
        }
        if (resolvedOn != null && resolvedOn.isBefore(onset)) {
            throw new ConflictException("condition.resolvedOn.beforeOnset");
        }
        this.patientId = patientId;
        this.contraindication = contraindication;
        this.onset = onset;
        this.expectedEnd = expectedEnd;
        this.resolvedOn = resolvedOn;
        this.note = note;
        this.recordedBy = recordedBy;
        register(new ConditionAct.Recorded(this));
    }

    /** The condition no longer applies from this date on. */
    void resolve(LocalDate on) {
        if (resolvedOn != null) {
            throw new ConflictException("condition.alreadyResolved");
        }
        if (on.isBefore(onset)) {
            throw new ConflictException("condition.resolvedOn.beforeOnset");
        }
        this.resolvedOn = on;
        register(new ConditionAct.Resolved(this));
    }

    /** A resolution recorded in error, or a relapse: the condition applies again. */
    void reopen() {
        if (resolvedOn == null) {
            throw new ConflictException("condition.notResolved");
        }
        this.resolvedOn = null;
        register(new ConditionAct.Reopened(this));
    }

    public Long getPatientId() {
        return patientId;
    }

    public Contraindication getContraindication() {
        return contraindication;
    }

    public LocalDate getOnset() {
        return onset;
    }

    public LocalDate getExpectedEnd() {
        return expectedEnd;
    }

    public LocalDate getResolvedOn() {
        return resolvedOn;
    }

    public String getNote() {
        return note;
    }

    public String getRecordedBy() {
        return recordedBy;
    }
}
