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

    /** One contraindication with the programs it applies to, for its edit screen and the audit line. */
    @Query("select c from Contraindication c left join fetch c.programs where c.code = :code")
    Optional<Contraindication> findWithProgramsByCode(String code);
}
