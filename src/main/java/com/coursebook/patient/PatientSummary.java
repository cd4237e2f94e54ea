package com.coursebook.patient;

import java.time.LocalDate;

import com.coursebook.shared.Sex;

/** One line of a patient search result. */
public record PatientSummary(Long id, String recordNumber, String fullName, LocalDate birthDate, Sex sex,
        String phone) {
}
