package com.coursebook.scheduling;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

public interface WorkingBreaks extends Repository<WorkingBreak, Long> {

    /** The practitioner's weekly breaks, Monday first. */
    @Query("select b from WorkingBreak b where b.practitioner.id = :practitionerId order by b.dayOfWeek, b.startsAt")
    List<WorkingBreak> findWeek(Long practitionerId);

    @Query("select b from WorkingBreak b where b.id = :id and b.practitioner.id = :practitionerId")
    Optional<WorkingBreak> findOne(Long practitionerId, Long id);

    WorkingBreak save(WorkingBreak workingBreak);

    void delete(WorkingBreak workingBreak);
}
