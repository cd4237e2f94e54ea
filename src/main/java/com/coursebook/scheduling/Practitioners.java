package com.coursebook.scheduling;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Practitioners extends JpaRepository<Practitioner, Long> {

    /** Every practitioner with their qualifications, in one query. */
    @Query("select distinct p from Practitioner p left join fetch p.programs order by p.familyName, p.givenName")
    List<Practitioner> findAllWithPrograms();

    @Query("select p from Practitioner p left join fetch p.programs where p.id = :id")
    Optional<Practitioner> findWithPrograms(Long id);

    /** Every practitioner with their location, for the admin's list, in one query. */
    @Query("select p from Practitioner p left join fetch p.location order by p.familyName, p.givenName")
    List<Practitioner> findAllWithLocation();

    /** Every practitioner with location and qualifications, for the admin's API list, in one query. */
    @Query("select distinct p from Practitioner p left join fetch p.location left join fetch p.programs "
            + "order by p.familyName, p.givenName")
    List<Practitioner> findAllWithLocationAndPrograms();

    @Query("select p from Practitioner p left join fetch p.location where p.id = :id")
    Optional<Practitioner> findWithLocation(Long id);
}
