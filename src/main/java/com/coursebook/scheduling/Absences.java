package com.coursebook.scheduling;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

public interface Absences extends Repository<Absence, Long> {

    /** Leave that touches any day from {@code from} to {@code to}, both included, in order. */
    @Query("""
            select a from Absence a where a.practitioner.id = :practitionerId
            and a.startsOn <= :to and a.endsOn >= :from order by a.startsOn""")
    List<Absence> findOverlapping(Long practitionerId, LocalDate from, LocalDate to);

    /** Leave still running or ahead on the given day, in order: what an admin can still act on. */
    @Query("select a from Absence a where a.practitioner.id = :practitionerId and a.endsOn >= :day order by a.startsOn")
    List<Absence> findCurrentAndUpcoming(Long practitionerId, LocalDate day);

    @Query("select a from Absence a where a.id = :id and a.practitioner.id = :practitionerId")
    Optional<Absence> findOne(Long practitionerId, Long id);

    Absence save(Absence absence);

    void delete(Absence absence);
}
