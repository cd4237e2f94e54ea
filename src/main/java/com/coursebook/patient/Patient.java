package com.coursebook.patient;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import com.coursebook.shared.Sex;
import com.coursebook.shared.VersionedEntity;

import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;

/** A person receiving treatment. Changes go through the named acts below, never bare setters. */
@Entity
@Table(name = "patient")
public class Patient extends VersionedEntity {

    /** Assigned by the database (sequence) so numbers are unique across app instances. */
    @Generated(event = EventType.INSERT)
    @Column(name = "record_number", insertable = false, updatable = false)
    private String recordNumber;

    @Column(name = "given_name", nullable = false)
    private String givenName;

    @Column(name = "middle_name")
    private String middleName;

    @Column(name = "family_name", nullable = false)
    private String familyName;

    @Column(name = "birth_date", nullable = false)
    private LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Sex sex;

    private String phone;

    private String email;

    private String address;

    @Column(name = "last_period_start")
    private LocalDate lastPeriodStart;

    @Column(name = "cycle_length_days")
    private Integer cycleLengthDays;

    @Column(name = "period_length_days")
    private Integer periodLengthDays;

    protected Patient() {
    }

    static Patient register(PatientDetails details) {
        Patient patient = new Patient();
        patient.apply(details);
        return patient;
    }

    /** Corrects personal and contact details. Cycle data is kept only for female patients. */
    void correctDetails(PatientDetails details) {
        apply(details);
    }

    private void apply(PatientDetails details) {
        this.givenName = details.givenName();
        this.middleName = details.middleName();
        this.familyName = details.familyName();
        this.birthDate = details.birthDate();
        this.sex = details.sex();
        this.phone = details.phone();
        this.email = details.email();
        this.address = details.address();
        if (sex == Sex.FEMALE) {
            this.lastPeriodStart = details.lastPeriodStart();
            this.cycleLengthDays = details.cycleLengthDays();
            this.periodLengthDays = details.periodLengthDays();
        }
        else {
            this.lastPeriodStart = null;
            this.cycleLengthDays = null;
            this.periodLengthDays = null;
        }
    }

    public String getFullName() {
        return middleName == null || middleName.isBlank() ? familyName + " " + givenName
                : familyName + " " + givenName + " " + middleName;
    }

    public String getRecordNumber() {
        return recordNumber;
    }

    public String getGivenName() {
        return givenName;
    }

    public String getMiddleName() {
        return middleName;
    }

    public String getFamilyName() {
        return familyName;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public Sex getSex() {
        return sex;
    }

    public String getPhone() {
        return phone;
    }

    public String getEmail() {
        return email;
    }

    public String getAddress() {
        return address;
    }

    /** A reported period start; the latest one known is the patient's last period start. */
    void periodStarted(LocalDate startsOn) {
        if (sex == Sex.FEMALE && (lastPeriodStart == null || startsOn.isAfter(lastPeriodStart))) {
            this.lastPeriodStart = startsOn;
        }
    }

    public LocalDate getLastPeriodStart() {
        return lastPeriodStart;
    }

    public Integer getCycleLengthDays() {
        return cycleLengthDays;
    }

    public Integer getPeriodLengthDays() {
        return periodLengthDays;
    }
}
