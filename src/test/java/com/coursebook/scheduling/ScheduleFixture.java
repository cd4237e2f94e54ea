package com.coursebook.scheduling;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.coursebook.shared.ClinicClock;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows for scheduling tests, written straight to the shared test database and removed again afterwards.
 * Each test gets its own location and practitioners, and dates more than a year ahead that no other
 * full-stack test books, so nothing here changes what the other tests see.
 */
final class ScheduleFixture {

    private final JdbcClient jdbc;

    private final ClinicClock clock;

    private final List<Long> locations = new ArrayList<>();

    private final List<Long> practitioners = new ArrayList<>();

    private final List<Long> patients = new ArrayList<>();

    private final List<Long> courses = new ArrayList<>();

    private final List<Long> closures = new ArrayList<>();

    ScheduleFixture(JdbcClient jdbc, ClinicClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A Monday more than a year ahead: past the demo's New Year closure and every date other tests book. */
    LocalDate farMonday() {
        return clock.today().plusDays(400).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    }

    long location() {
        long id = jdbc.sql("INSERT INTO location (name) VALUES (?) RETURNING id")
                .param("Test location " + UUID.randomUUID()).query(Long.class).single();
        locations.add(id);
        return id;
    }

    long practitioner(Long locationId) {
        long id = jdbc.sql("""
                INSERT INTO practitioner (given_name, family_name, specialty, location_id)
                VALUES ('Test', ?, 'UROLOGY', ?) RETURNING id""")
                .params("Slotova-" + UUID.randomUUID().toString().substring(0, 8), locationId)
                .query(Long.class).single();
        practitioners.add(id);
        return id;
    }

    void hours(long practitionerId, DayOfWeek day, String from, String to) {
        jdbc.sql("INSERT INTO working_hours (practitioner_id, day_of_week, starts_at, ends_at) "
                        + "VALUES (?, ?, ?::time, ?::time)")
                .params(practitionerId, day.getValue(), from, to).update();
    }

    void workingBreak(long practitionerId, DayOfWeek day, String from, String to) {
        jdbc.sql("INSERT INTO working_break (practitioner_id, day_of_week, starts_at, ends_at) "
                        + "VALUES (?, ?, ?::time, ?::time)")
                .params(practitionerId, day.getValue(), from, to).update();
    }

    void leave(long practitionerId, LocalDate first, LocalDate last) {
        jdbc.sql("INSERT INTO practitioner_absence (practitioner_id, starts_on, ends_on, reason) VALUES (?, ?, ?, 'Leave')")
                .params(practitionerId, first, last).update();
    }

    /** A closure of one location, or of every location when {@code locationId} is null. */
    void closure(Long locationId, LocalDate day) {
        closures.add(jdbc.sql("INSERT INTO clinic_closure (location_id, closed_on, reason) VALUES (?, ?, 'Test closure') "
                + "RETURNING id").params(locationId, day).query(Long.class).single());
    }

    /** A session of a one-session course for a patient of its own, in the given status. */
    void session(long practitionerId, LocalDateTime from, LocalDateTime to, String status) {
        long patient = jdbc.sql("""
                INSERT INTO patient (given_name, family_name, birth_date, sex)
                VALUES ('Test', 'Zanyatov', DATE '1970-01-01', 'MALE') RETURNING id""").query(Long.class).single();
        patients.add(patient);
        long course = jdbc.sql("""
                INSERT INTO course (patient_id, program_id, practitioner_id, prescribed_sessions, cadence_days, created_by)
                VALUES (?, (SELECT id FROM treatment_program WHERE code = 'PROSTATE_MASSAGE'), ?, 1, 2, 'test')
                RETURNING id""").params(patient, practitionerId).query(Long.class).single();
        courses.add(course);
        jdbc.sql("""
                INSERT INTO course_session (course_id, patient_id, practitioner_id, seq_no, starts_at, ends_at, status)
                VALUES (?, ?, ?, 1, ?, ?, ?)""")
                .params(course, patient, practitionerId, Timestamp.from(clock.toInstant(from)),
                        Timestamp.from(clock.toInstant(to)), status)
                .update();
    }

    /** Removes everything this fixture wrote; practitioners take their hours, breaks and leave with them. */
    void removeAll() {
        courses.forEach(id -> jdbc.sql("DELETE FROM course WHERE id = ?").param(id).update());
        patients.forEach(id -> jdbc.sql("DELETE FROM patient WHERE id = ?").param(id).update());
        closures.forEach(id -> jdbc.sql("DELETE FROM clinic_closure WHERE id = ?").param(id).update());
        practitioners.forEach(id -> jdbc.sql("DELETE FROM practitioner WHERE id = ?").param(id).update());
        locations.forEach(id -> {
            jdbc.sql("DELETE FROM room WHERE location_id = ?").param(id).update();
            jdbc.sql("DELETE FROM clinic_closure WHERE location_id = ?").param(id).update();
            jdbc.sql("DELETE FROM location WHERE id = ?").param(id).update();
        });
    }
}
