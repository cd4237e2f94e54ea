package com.coursebook.benchmark;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import com.coursebook.review.AbandonmentWatch;
import com.coursebook.review.CompletionReport;
import com.coursebook.review.CourseCompletion;
import com.coursebook.review.Outcome;
import com.coursebook.review.ReviewFilter;
import com.coursebook.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The completion dashboard for a year of a clinic chain: 400 invented practitioners at one location, 20 000
 * patients, 200 000 courses and 2 000 000 sessions, then the dashboard's queries timed end to end through the
 * service (SQL, mapping, audit line). Prints figures; asserts only that the figures are non-zero.
 * Run with {@code ./mvnw -Pbenchmark test -Dtest=DashboardBenchmark}.
 */
@Tag("benchmark")
@IntegrationTest
class DashboardBenchmark {

    static final int COURSES = 200_000;

    static final int SESSIONS_PER_COURSE = 10;

    static final int PRACTITIONERS = 400;

    static final int PATIENTS = 20_000;

    static final int ROUNDS = 20;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres;

    /** VACUUM and ANALYZE are the owner's: the app's role owns no table (V16). */
    private JdbcClient owner() {
        return com.coursebook.support.DatabaseAs.owner(postgres);
    }

    @Autowired
    CourseCompletion completion;

    @Autowired
    AbandonmentWatch watch;

    @Test
    @WithMockUser(username = "benchmark", roles = "ADMIN")
    @DisplayName("completion dashboard with 200 000 courses and 2 000 000 sessions")
    void dashboard() {
        long started = System.nanoTime();
        long location = jdbc.sql("INSERT INTO location (name) VALUES (?) RETURNING id")
                .param("Benchmark chain " + System.nanoTime()).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO practitioner (given_name, family_name, specialty, location_id)
                SELECT 'Bench', 'Dashboardov' || i, 'UROLOGY', ? FROM generate_series(1, ?) AS i""")
                .params(location, PRACTITIONERS).update();
        String patientTag = "Benchdash" + System.nanoTime();
        jdbc.sql("""
                INSERT INTO patient (given_name, family_name, birth_date, sex)
                SELECT 'Ivan', ? || i, DATE '1950-01-01' + (i % 15000), 'MALE' FROM generate_series(1, ?) AS i""")
                .params(patientTag, PATIENTS).update();
        String createdBy = "benchmark-" + location;
        // Outcomes in realistic shares: 70 % completed, 10 % stopped (two reasons), 8 % abandoned, 12 % running.
        jdbc.sql("""
                WITH pr AS (SELECT array_agg(id ORDER BY id) AS a FROM practitioner WHERE location_id = :location),
                     pa AS (SELECT array_agg(id ORDER BY id) AS a FROM patient WHERE family_name LIKE :tag || '%'),
                     tp AS (SELECT array_agg(id ORDER BY code) AS a FROM treatment_program
                            WHERE code IN ('PROSTATE_MASSAGE', 'HAEMORRHOID_MASSAGE', 'GYNECOLOGICAL_MASSAGE'))
                INSERT INTO course (patient_id, program_id, practitioner_id, prescribed_sessions, cadence_days, status,
                                    status_reason, needs_review, created_by)
                SELECT pa.a[1 + i % :patients], tp.a[1 + i % 3], pr.a[1 + i % :practitioners], 10, 2,
                       CASE WHEN i % 100 < 70 THEN 'COMPLETED' WHEN i % 100 < 80 THEN 'STOPPED'
                            WHEN i % 100 < 88 THEN 'ABANDONED' ELSE 'ACTIVE' END,
                       CASE WHEN i % 100 BETWEEN 70 AND 74 THEN 'Side effects'
                            WHEN i % 100 BETWEEN 75 AND 79 THEN 'Symptoms resolved' END,
                       i % 50 = 0, :createdBy
                FROM generate_series(0, :courses - 1) AS i, pr, pa, tp""")
                .param("location", location).param("tag", patientTag).param("patients", PATIENTS)
                .param("practitioners", PRACTITIONERS).param("createdBy", createdBy).param("courses", COURSES)
                .update();
        // Every session gets its own 15-second step over the last ~350 days, so none overlaps another for the same
        // practitioner or patient (the exclusion constraints stay on, as in production).
        jdbc.sql("""
                INSERT INTO course_session (course_id, patient_id, practitioner_id, seq_no, starts_at, ends_at, status,
                                            needs_attention)
                SELECT c.id, c.patient_id, c.practitioner_id, j + 1,
                       date_trunc('day', now()) - interval '355 days' + (c.rn * :per + j) * interval '15 seconds',
                       date_trunc('day', now()) - interval '355 days' + (c.rn * :per + j) * interval '15 seconds'
                           + interval '10 seconds',
                       CASE WHEN c.status = 'ABANDONED' AND j >= 7 THEN 'NO_SHOW'
                            WHEN c.status = 'ACTIVE' AND c.rn % 5 = 0 AND j >= 8 THEN 'NO_SHOW'
                            WHEN c.status = 'STOPPED' AND j >= 5 THEN 'CANCELLED_EARLY'
                            WHEN (c.rn * :per + j) % 13 = 0 THEN 'NO_SHOW'
                            WHEN (c.rn * :per + j) % 29 = 0 THEN 'CANCELLED_BY_CLINIC'
                            ELSE 'ATTENDED' END,
                       (c.rn * :per + j) % 97 = 0
                FROM (SELECT id, patient_id, practitioner_id, status, row_number() OVER (ORDER BY id) - 1 AS rn
                      FROM course WHERE created_by = :createdBy) c,
                     generate_series(0, :per - 1) AS j""")
                .param("per", SESSIONS_PER_COURSE).param("createdBy", createdBy).update();
        // Holds and blocks with their lifting for 2 % of the courses each, so the waits are measured too.
        jdbc.sql("""
                INSERT INTO course_event (course_id, act, reason, actor, occurred_at)
                SELECT c.id, v.act, NULL, 'benchmark', f.first_session_at + v.after
                FROM course c JOIN course_tally f ON f.course_id = c.id
                CROSS JOIN (VALUES ('HOLD_FOR_REVIEW', interval '2 days', 0), ('REVIEWED', interval '5 days', 0),
                                   ('BLOCKED', interval '1 day', 1), ('UNBLOCKED', interval '9 days', 1)) AS v (act, after, kind)
                WHERE c.created_by = ? AND c.id % 50 = 10 + v.kind""").param(createdBy).update();
        long folding = System.nanoTime();
        long folded = jdbc.sql("SELECT session_slot_compact()").query(Long.class).single();
        System.out.printf("%nDashboardBenchmark: folded the no-show grid's differences into %,d tally rows in %.1f s%n",
                folded, (System.nanoTime() - folding) / 1e9);
        // What autovacuum would have done by the time anyone looks: the bulk load left a dead version of each tally.
        owner().sql("VACUUM ANALYZE course_tally").update();
        owner().sql("ANALYZE course").update();
        owner().sql("ANALYZE session_slot_tally").update();
        owner().sql("ANALYZE course_session").update();
        owner().sql("ANALYZE course_event").update();
        System.out.printf("%nDashboardBenchmark: inserted %,d courses and %,d sessions in %.1f s%n", COURSES,
                COURSES * SESSIONS_PER_COURSE, (System.nanoTime() - started) / 1e9);

        LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));
        LocalDate from = today.minusDays(365);
        long onePractitioner = jdbc.sql("SELECT min(id) FROM practitioner WHERE location_id = ?").param(location)
                .query(Long.class).single();
        String month = today.minusMonths(3).toString().substring(0, 7);

        report("whole chain, one year", new ReviewFilter(from, today, null, null, null));
        report("one location, one year", new ReviewFilter(from, today, location, null, null));
        report("one program, one year", new ReviewFilter(from, today, null, "PROSTATE_MASSAGE", null));
        report("one practitioner, one year", new ReviewFilter(from, today, null, null, onePractitioner));
        report("whole chain, one month", new ReviewFilter(today.minusMonths(1), today, null, null, null));
        // What the tallies cost a writer: one session's attendance recorded, with both triggers firing.
        long someSession = jdbc.sql("SELECT max(id) FROM course_session").query(Long.class).single();
        measure("write: one session marked attended", () -> jdbc.sql(
                "UPDATE course_session SET status = 'ATTENDED', status_changed_at = now() WHERE id = ?")
                .param(someSession).update());
        measure("admin worklist: about to be abandoned", () -> watch.aboutToBeAbandoned().size());
        measure("drill-down: stopped in " + month, () -> completion
                .courses(new ReviewFilter(from, today, null, null, null), Outcome.STOPPED, month, null).size());
    }

    private void report(String label, ReviewFilter filter) {
        measure("dashboard: " + label, () -> {
            CompletionReport report = completion.report(filter);
            assertThat(report.totals().started()).as(label).isPositive();
            assertThat(report.byMonth()).isNotEmpty();
            assertThat(report.noShowsByWeekdayHour()).isNotEmpty();
            return (int) report.totals().started();
        });
    }

    private static void measure(String label, Supplier<Integer> query) {
        for (int i = 0; i < 3; i++) {
            query.get(); // warm up the JIT, the plan cache and shared buffers
        }
        List<Double> millis = new ArrayList<>();
        int found = 0;
        for (int i = 0; i < ROUNDS; i++) {
            long t = System.nanoTime();
            found = query.get();
            millis.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(millis);
        System.out.printf("  %-44s courses %,8d   median %7.1f ms   p95 %7.1f ms   max %7.1f ms%n", label, found,
                millis.get(ROUNDS / 2), millis.get(ROUNDS * 95 / 100), millis.get(ROUNDS - 1));
        assertThat(found).as(label).isPositive();
    }
}
