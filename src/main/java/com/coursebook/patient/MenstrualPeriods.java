package com.coursebook.patient;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

public interface MenstrualPeriods extends Repository<MenstrualPeriod, Long> {

    MenstrualPeriod save(MenstrualPeriod period);

    boolean existsByPatientIdAndStartsOn(Long patientId, LocalDate startsOn);

    @Query("select p.startsOn from MenstrualPeriod p where p.patientId = :patientId order by p.startsOn")
    List<LocalDate> findStarts(Long patientId);
}
