package com.coursebook.scheduling;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

public interface Rooms extends Repository<Room, Long> {

    /** Every room with its location, grouped by location, in one query. */
    @Query("select r from Room r join fetch r.location l order by l.name, r.name")
    List<Room> findAllWithLocation();

    @Query("select count(r) > 0 from Room r where r.location.id = :locationId and lower(r.name) = lower(:name)")
    boolean existsByName(Long locationId, String name);

    Optional<Room> findById(Long id);

    Room save(Room room);

    void flush();
}
