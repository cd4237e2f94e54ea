package com.coursebook.patient;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PatientConditions extends JpaRepository<PatientCondition, Long> {

    /** A patient's conditions with their catalog rows (and the programs those apply to), in one query. */
    @Query("select distinct c from PatientCondition c join fetch c.contraindication k left join fetch k.programs "
            + "where c.patientId = :patientId order by c.onset desc, c.id desc")
    List<PatientCondition> findByPatient(Long patientId);
}
