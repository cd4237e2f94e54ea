package com.coursebook.scheduling;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

public interface Locations extends Repository<Location, Long> {

    List<Location> findAllByOrderByName();

    Optional<Location> findById(Long id);

    Location save(Location location);

    void flush();
}
