package com.coursebook.catalog;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TreatmentPrograms extends JpaRepository<TreatmentProgram, Long> {

    Optional<TreatmentProgram> findByCode(String code);

    List<TreatmentProgram> findAllByOrderBySpecialtyAscCodeAsc();
}
