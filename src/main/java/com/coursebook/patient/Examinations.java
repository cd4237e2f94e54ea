package com.coursebook.patient;

import java.util.List;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

public interface Examinations extends Repository<Examination, Long> {

    Examination save(Examination examination);

    @Query("select e from Examination e join fetch e.program where e.patientId = :patientId "
            + "order by e.examinedOn desc, e.id desc")
    List<Examination> findByPatient(Long patientId);
}
