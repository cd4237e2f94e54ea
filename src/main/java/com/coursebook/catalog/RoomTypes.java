package com.coursebook.catalog;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

public interface RoomTypes extends Repository<RoomType, Long> {

    List<RoomType> findAllByOrderByCode();

    Optional<RoomType> findByCode(String code);

    boolean existsByCode(String code);

    RoomType save(RoomType type);

    void flush();
}
