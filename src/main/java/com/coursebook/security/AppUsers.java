package com.coursebook.security;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AppUsers extends JpaRepository<AppUser, Long> {

    Optional<AppUser> findByUsername(String username);

    boolean existsByUsername(String username);

    /** Every login with its roles, for the admin's list, in one query. */
    @Query("select distinct u from AppUser u left join fetch u.roles order by u.displayName, u.username")
    List<AppUser> findAllWithRoles();
}
