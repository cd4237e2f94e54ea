package com.coursebook.patient;

import java.time.LocalDate;

import com.coursebook.shared.Sex;

/** Validated, normalised details of a patient, as the domain accepts them. */
public record PatientDetails(String givenName, String middleName, String familyName, LocalDate birthDate, Sex sex,
        String phone, String email, String address, LocalDate lastPeriodStart, Integer cycleLengthDays,
        Integer periodLengthDays) {
}
