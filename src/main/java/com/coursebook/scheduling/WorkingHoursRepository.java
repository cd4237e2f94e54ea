package com.coursebook.scheduling;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

public interface WorkingHoursRepository extends Repository<WorkingHours, Long> {

    @Query("select distinct w.dayOfWeek from WorkingHours w where w.practitioner.id = :practitionerId")
    List<Short> findWorkingDayNumbers(Long practitionerId);

    /** The weekdays the practitioner works; empty when no hours are recorded (then nothing is skipped). */
    default Set<DayOfWeek> workingDays(Long practitionerId) {
        return findWorkingDayNumbers(practitionerId).stream().map(day -> DayOfWeek.of(day))
                .collect(Collectors.toSet());
    }

    /** The practitioner's whole week, Monday first. */
    @Query("select w from WorkingHours w where w.practitioner.id = :practitionerId order by w.dayOfWeek, w.startsAt")
    List<WorkingHours> findWeek(Long practitionerId);

    @Query("select w from WorkingHours w where w.id = :id and w.practitioner.id = :practitionerId")
    Optional<WorkingHours> findOne(Long practitionerId, Long id);

    WorkingHours save(WorkingHours hours);

    void delete(WorkingHours hours);
}
