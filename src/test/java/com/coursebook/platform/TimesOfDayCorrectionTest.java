package com.coursebook.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.coursebook.support.IntegrationTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Migration 22.2 on rows as the earlier release wrote them (entered time minus the server zone's 1970 offset),
 * inside a transaction that is rolled back, so the shared database keeps its own rows.
 */
@IntegrationTest
class TimesOfDayCorrectionTest {

    @Autowired
    EmbeddedPostgres postgres;

    @ParameterizedTest(name = "written by a server in {0}")
    @CsvSource({ "Europe/Moscow, 05:00, 17:00, 10:00, 11:00, 180", "America/Sao_Paulo, 11:00, 23:00, 16:00, 17:00, -180",
            "UTC, 08:00, 20:00, 13:00, 14:00, 0" })
    @DisplayName("hours and breaks stored shifted by the earlier release are put back as entered, and the zone assumed "
            + "is recorded")
    void shiftedRowsArePutBack(String zone, String hoursFrom, String hoursTo, String breakFrom, String breakTo,
            int minutes) throws Exception {
        try (Connection owner = postgres.getDatabase(DatabaseRoles.OWNER, "coursebook").getConnection()) {
            owner.setAutoCommit(false);
            try (Statement sql = owner.createStatement()) {
                sql.execute("DELETE FROM working_hours");
                sql.execute("DELETE FROM working_break");
                sql.execute("INSERT INTO working_hours (practitioner_id, day_of_week, starts_at, ends_at) "
                        + "SELECT min(id), 1, '" + hoursFrom + "', '" + hoursTo + "' FROM practitioner");
                sql.execute("INSERT INTO working_break (practitioner_id, day_of_week, starts_at, ends_at) "
                        + "SELECT min(id), 1, '" + breakFrom + "', '" + breakTo + "' FROM practitioner");

                TimesOfDayAsEntered.Correction correction = TimesOfDayAsEntered.correct(owner, ZoneId.of(zone));

                assertThat(correction.shiftMinutes()).isEqualTo(minutes);
                assertThat(correction.workingHours()).isEqualTo(minutes == 0 ? 0 : 1);
                assertThat(rows(sql, "SELECT starts_at::text || '-' || ends_at::text FROM working_hours"))
                        .containsExactly("08:00:00-20:00:00");
                assertThat(rows(sql, "SELECT starts_at::text || '-' || ends_at::text FROM working_break"))
                        .containsExactly("13:00:00-14:00:00");
                assertThat(rows(sql, "SELECT server_zone || ' ' || shift_minutes FROM time_of_day_correction "
                        + "ORDER BY id DESC LIMIT 1")).containsExactly(zone + " " + minutes);
            } finally {
                owner.rollback();
            }
        }
    }

    private static List<String> rows(Statement sql, String query) throws Exception {
        List<String> rows = new ArrayList<>();
        try (ResultSet result = sql.executeQuery(query)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
