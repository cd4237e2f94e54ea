package com.coursebook.patient;

import java.time.LocalDate;

import com.coursebook.shared.Sex;

/** A patient as the JSON API shows it. */
public record PatientResource(Long id, String recordNumber, String givenName, String middleName, String familyName,
        LocalDate birthDate, Sex sex, String phone, String email, String address, LocalDate lastPeriodStart,
        Integer cycleLengthDays, Integer periodLengthDays, long version) {

    public static PatientResource of(Patient p) {
        return new PatientResource(p.getId(), p.getRecordNumber(), p.getGivenName(), p.getMiddleName(),
                p.getFamilyName(), p.getBirthDate(), p.getSex(), p.getPhone(), p.getEmail(), p.getAddress(),
                p.getLastPeriodStart(), p.getCycleLengthDays(), p.getPeriodLengthDays(), p.getVersion());
    }
}
