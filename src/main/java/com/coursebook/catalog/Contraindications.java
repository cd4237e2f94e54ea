package com.coursebook.catalog;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Contraindications extends JpaRepository<Contraindication, Long> {

    /** The whole catalog with the programs each applies to, in one query. */
    @Query("select distinct c from Contraindication c left join fetch c.programs order by c.code")
    List<Contraindication> findAllWithPrograms();

    Optional<Contraindication> findByCode(String code);
}
