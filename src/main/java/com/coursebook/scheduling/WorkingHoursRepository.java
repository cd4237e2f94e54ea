package com.coursebook.scheduling;

import java.time.DayOfWeek;
import java.util.List;
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
}
