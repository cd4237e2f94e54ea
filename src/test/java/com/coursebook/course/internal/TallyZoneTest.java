package com.coursebook.course.internal;

import com.coursebook.course.internal.TallyZone;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import com.coursebook.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The course tally counts months and days in the clinic's zone, and follows when the configured zone changes. */
@IntegrationTest
class TallyZoneTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TallyZone tallyZone;

    @Test
    @DisplayName("a course starting at 00:30 on 1 February in Moscow (still 31 January in UTC) is a February course; "
            + "tallies computed in another zone are recomputed at startup")
    void monthInTheClinicZone() {
        long location = jdbc.sql("INSERT INTO location (name) VALUES (?) RETURNING id")
                .param("Zone clinic " + System.nanoTime()).query(Long.class).single();
        long practitioner = jdbc.sql("INSERT INTO practitioner (given_name, family_name, specialty, location_id) "
                + "VALUES ('Test', 'Zonov', 'UROLOGY', ?) RETURNING id").param(location).query(Long.class).single();
        long patient = jdbc.sql("INSERT INTO patient (given_name, family_name, birth_date, sex) "
                + "VALUES ('Test', 'Zonova', DATE '1970-01-01', 'MALE') RETURNING id").query(Long.class).single();
        long course = jdbc.sql("""
                INSERT INTO course (patient_id, program_id, practitioner_id, prescribed_sessions, cadence_days, status,
                                    created_by)
                SELECT ?, id, ?, 2, 1, 'COMPLETED', 'test' FROM treatment_program WHERE code = 'PROSTATE_MASSAGE'
                RETURNING id""").params(patient, practitioner).query(Long.class).single();
        ZoneId moscow = ZoneId.of("Europe/Moscow");
        for (int day = 0; day < 2; day++) {
            LocalDateTime start = LocalDateTime.of(2025, 2, 1 + day * 3, 0, 30);
            jdbc.sql("""
                    INSERT INTO course_session (course_id, patient_id, practitioner_id, seq_no, starts_at, ends_at, status)
                    VALUES (?, ?, ?, ?, ?, ?, 'ATTENDED')""")
                    .params(course, patient, practitioner, day + 1, Timestamp.from(start.atZone(moscow).toInstant()),
                            Timestamp.from(start.plusMinutes(20).atZone(moscow).toInstant()))
                    .update();
        }
        assertThat(month(course)).isEqualTo(LocalDate.of(2025, 2, 1));
        try {
            // As if the tallies had been computed while the clinic was configured in UTC.
            jdbc.sql("UPDATE clinic_setting SET value = 'UTC' WHERE name = 'zone'").update();
            jdbc.sql("SELECT course_tally_refresh(ARRAY[?]::bigint[])").param(course).query().listOfRows();
            assertThat(month(course)).isEqualTo(LocalDate.of(2025, 1, 1));
        }
        finally {
            tallyZone.afterPropertiesSet();
        }
        assertThat(jdbc.sql("SELECT value FROM clinic_setting WHERE name = 'zone'").query(String.class).single())
                .isEqualTo("Europe/Moscow");
        assertThat(month(course)).isEqualTo(LocalDate.of(2025, 2, 1));
        assertThat(jdbc.sql("SELECT attended_days FROM course_tally WHERE course_id = ?").param(course)
                .query(Integer.class).single()).isEqualTo(3);
        // The no-show grid counts the first session at Saturday 1 February, 00:00-01:00, in the clinic's zone.
        assertThat(jdbc.sql("""
                SELECT sum(kept) FROM (SELECT day, hour, location_id, kept FROM session_slot_tally
                                       UNION ALL SELECT day, hour, location_id, kept FROM session_slot_delta) g
                WHERE g.location_id = ? AND g.day = DATE '2025-02-01' AND g.hour = 0""").param(location)
                .query(Integer.class).single()).isEqualTo(1);
    }

    private LocalDate month(long course) {
        return jdbc.sql("SELECT first_month FROM course_tally WHERE course_id = ?").param(course)
                .query(LocalDate.class).single();
    }
}
