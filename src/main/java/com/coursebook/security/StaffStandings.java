package com.coursebook.security;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A login's standing as the database has it now: one indexed query, asked on every signed-in request. */
@Component
class StaffStandings {

    private final JdbcClient jdbc;

    StaffStandings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty for a login that does not exist or is disabled. */
    Optional<StaffStanding> ofActive(String username) {
        return jdbc.sql("""
                SELECT u.display_name, u.must_change_password, u.language, u.session_epoch,
                       array_remove(array_agg(r.role), NULL) AS roles
                FROM app_user u LEFT JOIN app_user_role r ON r.user_id = u.id
                WHERE u.username = ? AND u.enabled
                GROUP BY u.id""").param(username)
                .query((rs, row) -> new StaffStanding(rs.getString("display_name"),
                        Arrays.stream((String[]) rs.getArray("roles").getArray()).map(Role::valueOf)
                                .collect(Collectors.toSet()),
                        rs.getBoolean("must_change_password"), rs.getString("language"), rs.getInt("session_epoch")))
                .optional();
    }
}
