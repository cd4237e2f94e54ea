package com.coursebook.notes;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A course of one's own, written straight into the database: a practitioner and a patient nobody else uses, so tests
 * sharing the database never meet, with sessions every other day at 10:00 starting {@code daysAgo} days in the past
 * (a note is signed only once its session has begun).
 */
public final class NoteFixtures {

    private final JdbcClient jdbc;

    public NoteFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The course's session ids, in order; the course id is the course_id of any of them. */
    public List<Long> course(String programCode, String familyName, int sessions, int daysAgo) {
        String sex = "GYNECOLOGICAL_MASSAGE".equals(programCode) ? "FEMALE" : "MALE";
        String specialty = "GYNECOLOGICAL_MASSAGE".equals(programCode) ? "GYNECOLOGY" : "UROLOGY";
        long practitioner = jdbc.sql("INSERT INTO practitioner (given_name, family_name, specialty) "
                + "VALUES ('Test', ?, ?) RETURNING id").params(familyName, specialty).query(Long.class).single();
        long patient = jdbc.sql("INSERT INTO patient (given_name, family_name, birth_date, sex) "
                        + "VALUES ('Test', ?, DATE '1980-01-01', ?) RETURNING id")
                .params(familyName + System.nanoTime(), sex).query(Long.class).single();
        long course = jdbc.sql("INSERT INTO course (patient_id, program_id, practitioner_id, prescribed_sessions, "
                        + "cadence_days, status, created_by) SELECT ?, id, ?, ?, 2, 'ACTIVE', 'test' "
                        + "FROM treatment_program WHERE code = ? RETURNING id")
                .params(patient, practitioner, sessions, programCode).query(Long.class).single();
        LocalDate first = LocalDate.now(ZoneId.of("Europe/Moscow")).minusDays(daysAgo);
        return IntStream.rangeClosed(1, sessions).mapToObj(n -> jdbc.sql("INSERT INTO course_session "
                        + "(course_id, patient_id, practitioner_id, seq_no, starts_at, ends_at) VALUES (?, ?, ?, ?, "
                        + "(?::date + time '10:00') AT TIME ZONE 'Europe/Moscow', "
                        + "(?::date + time '10:40') AT TIME ZONE 'Europe/Moscow') RETURNING id")
                .params(course, patient, practitioner, n, first.plusDays(2L * (n - 1)), first.plusDays(2L * (n - 1)))
                .query(Long.class).single()).toList();
    }

    public long courseOf(long sessionId) {
        return jdbc.sql("SELECT course_id FROM course_session WHERE id = ?").param(sessionId).query(Long.class).single();
    }

    public void markAttended(long sessionId) {
        jdbc.sql("UPDATE course_session SET status = 'ATTENDED' WHERE id = ?").param(sessionId).update();
    }

    /** A complete note as the API takes it. */
    public static String completeNote(String extra) {
        return "{\"durationMinutes\":5,\"position\":\"SUPINE\",\"technique\":\"Bimanual, gentle\","
                + "\"intensity\":\"SAME\",\"tolerance\":\"Good\",\"painDuring\":0,\"painAfter\":0,"
                + "\"findings\":\"Soft, no tenderness\",\"trend\":\"BETTER\"" + (extra.isEmpty() ? "" : "," + extra)
                + "}";
    }
}
