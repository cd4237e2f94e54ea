package com.coursebook.scheduling;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

public interface ClinicClosures extends Repository<ClinicClosure, Long> {

    /**
     * Days from {@code from} to {@code to} on which the given location is closed, by a closure of every
     * location or of that one. A null location (a practitioner without one) sees only the closures of all.
     */
    @Query("""
            select distinct c.closedOn from ClinicClosure c where c.closedOn between :from and :to
            and (c.location is null or c.location.id = :locationId)""")
    List<LocalDate> findClosedDays(Long locationId, LocalDate from, LocalDate to);

    /** Closures on or after the given day, with their location, in date order. */
    @Query("""
            select c from ClinicClosure c left join fetch c.location where c.closedOn >= :day
            order by c.closedOn, c.id""")
    List<ClinicClosure> findUpcoming(LocalDate day);

    /** The same day already closed for the same location (or, with a null location, for all locations). */
    @Query("""
            select count(c) > 0 from ClinicClosure c where c.closedOn = :day
            and ((:locationId is null and c.location is null) or c.location.id = :locationId)""")
    boolean existsFor(Long locationId, LocalDate day);

    Optional<ClinicClosure> findById(Long id);

    ClinicClosure save(ClinicClosure closure);

    void flush();

    void delete(ClinicClosure closure);
}
