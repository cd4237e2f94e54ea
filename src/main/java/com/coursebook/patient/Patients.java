package com.coursebook.patient;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Patients extends JpaRepository<Patient, Long> {

    /** Possible duplicates: same name (ignoring case) and birth date. Uses the patient_identity index. */
    @Query("""
            select p from Patient p
            where lower(p.familyName) = lower(:familyName) and lower(p.givenName) = lower(:givenName)
              and p.birthDate = :birthDate
            order by p.id""")
    List<Patient> findPossibleDuplicates(String familyName, String givenName, LocalDate birthDate);
}
