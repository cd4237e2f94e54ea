package com.coursebook.review;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.coursebook.audit.AuditTrail;
import com.coursebook.shared.ClinicClock;
import com.coursebook.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How courses end, for admins. Every figure is an SQL aggregate over the courses in scope; nothing is loaded as
 * entities. The dashboard costs two queries (course figures with all their breakdowns through GROUPING SETS, and
 * the no-show grid over sessions) plus the audit line.
 */
@Service
public class CourseCompletion {

    /**
     * The courses in scope with their per-course session counts. A course starts with its first session (any
     * status: a booked course whose first session was cancelled still started then); a course without sessions
     * has not started and is left out. The location is the course practitioner's home location.
     */
    private static final String SCOPE = """
            WITH chosen AS (
                SELECT c.id, c.status, c.status_reason, c.prescribed_sessions, c.patient_id, c.practitioner_id,
                       c.needs_review, tp.code AS program
                FROM course c
                JOIN practitioner pr ON pr.id = c.practitioner_id
                JOIN treatment_program tp ON tp.id = c.program_id
                WHERE (CAST(:practitioner AS bigint) IS NULL OR c.practitioner_id = :practitioner)
                  AND (CAST(:location AS bigint) IS NULL OR pr.location_id = :location)
                  AND (CAST(:program AS text) IS NULL OR tp.code = :program)
            ), per_course AS (
                -- Grouped by the course's own columns too, so nothing joins back to course after the aggregate
                -- (the planner cannot guess how many courses the HAVING keeps, and would loop over an index).
                SELECT ch.id, ch.status, ch.status_reason, ch.prescribed_sessions, ch.patient_id, ch.practitioner_id,
                       ch.needs_review, ch.program,
                       min(s.starts_at) AS first_start,
                       count(*) FILTER (WHERE s.status = 'ATTENDED') AS attended,
                       count(*) FILTER (WHERE s.status <> 'CANCELLED_BY_CLINIC' AND s.starts_at < :now) AS planned,
                       count(*) FILTER (WHERE s.status = 'NO_SHOW') AS no_shows,
                       min(s.starts_at) FILTER (WHERE s.status = 'ATTENDED') AS first_attended,
                       max(s.starts_at) FILTER (WHERE s.status = 'ATTENDED') AS last_attended,
                       bool_or(s.needs_attention) AS flagged
                FROM chosen ch
                JOIN course_session s ON s.course_id = ch.id
                GROUP BY ch.id, ch.status, ch.status_reason, ch.prescribed_sessions, ch.patient_id, ch.practitioner_id,
                         ch.needs_review, ch.program
                HAVING min(s.starts_at) >= :from AND min(s.starts_at) < :until
            ), scope AS (
                SELECT id, status, status_reason, prescribed_sessions, patient_id, practitioner_id, program,
                       first_start, attended, planned, no_shows, flagged,
                       (last_attended AT TIME ZONE :zone)::date - (first_attended AT TIME ZONE :zone)::date
                           AS attended_days,
                       status IN ('COMPLETED', 'STOPPED', 'ABANDONED') AS finished,
                       -- IN rather than EXISTS: one hashed pass over the holds instead of a probe per course
                       needs_review OR id IN (SELECT e.course_id FROM course_event e WHERE e.act = 'HOLD_FOR_REVIEW')
                           AS held
                FROM per_course
            )
            """;

    private static final String FIGURES = """
            count(*) AS started,
            count(*) FILTER (WHERE status = 'COMPLETED') AS completed,
            count(*) FILTER (WHERE status = 'STOPPED') AS stopped,
            count(*) FILTER (WHERE status = 'ABANDONED') AS abandoned,
            count(*) FILTER (WHERE status IN ('PLANNED', 'ACTIVE', 'PAUSED')) AS in_progress,
            count(*) FILTER (WHERE finished) AS finished,
            coalesce(sum(attended), 0) AS attended,
            coalesce(sum(planned), 0) AS planned,
            coalesce(sum(no_shows), 0) AS no_shows,
            round(avg(attended_days), 2) AS avg_days,
            round(avg(attended) FILTER (WHERE finished), 2) AS avg_attended,
            round(avg(prescribed_sessions) FILTER (WHERE finished), 2) AS avg_prescribed,
            count(*) FILTER (WHERE flagged) AS flagged,
            count(*) FILTER (WHERE held) AS held
            """;

    private final JdbcClient jdbc;

    private final ClinicClock clock;

    private final AuditTrail audit;

    CourseCompletion(JdbcClient jdbc, ClinicClock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    @Transactional
    public CompletionReport report(ReviewFilter filter) {
        CompletionReport.Figures[] totals = new CompletionReport.Figures[1];
        List<CompletionReport.Reason> reasons = new ArrayList<>();
        List<CompletionReport.Month> months = new ArrayList<>();
        List<CompletionReport.Program> programs = new ArrayList<>();
        // GROUPING(month, program, reason) says which grouping set a row belongs to: 7 = all courses,
        // 3 = one month, 5 = one program, 6 = one stop reason (non-stopped courses form a null-reason group, skipped).
        bind(jdbc.sql(SCOPE + """
                SELECT GROUPING(month, program, reason) AS grain, month, program, reason,
                """ + FIGURES + """
                FROM (SELECT scope.*, to_char(first_start AT TIME ZONE :zone, 'YYYY-MM') AS month,
                             CASE WHEN status = 'STOPPED' THEN coalesce(status_reason, '') END AS reason
                      FROM scope) x
                GROUP BY GROUPING SETS ((), (month), (program), (reason))
                ORDER BY grain, month, program, reason"""), filter).query(rs -> {
                    int grain = rs.getInt("grain");
                    if (grain == 7) {
                        totals[0] = figures(rs);
                    }
                    else if (grain == 3) {
                        months.add(new CompletionReport.Month(rs.getString("month"), rs.getLong("started"),
                                rs.getLong("completed"), rs.getLong("stopped"), rs.getLong("abandoned"),
                                rs.getLong("in_progress"), rate(rs.getLong("completed"), rs.getLong("finished"))));
                    }
                    else if (grain == 5) {
                        programs.add(new CompletionReport.Program(rs.getString("program"), rs.getLong("started"),
                                rs.getLong("completed"), rs.getLong("stopped"), rs.getLong("abandoned"),
                                rs.getLong("in_progress"), rate(rs.getLong("completed"), rs.getLong("finished"))));
                    }
                    else if (grain == 6 && rs.getString("reason") != null) {
                        reasons.add(new CompletionReport.Reason(rs.getString("reason"), rs.getLong("started")));
                    }
                });
        reasons.sort((a, b) -> Long.compare(b.courses(), a.courses()));
        List<CompletionReport.NoShowCell> grid = bind(jdbc.sql(SCOPE + """
                SELECT extract(isodow FROM s.starts_at AT TIME ZONE :zone)::int AS weekday,
                       extract(hour FROM s.starts_at AT TIME ZONE :zone)::int AS hour,
                       count(*) FILTER (WHERE s.status = 'NO_SHOW') AS no_shows,
                       count(*) AS planned
                FROM scope JOIN course_session s ON s.course_id = scope.id
                WHERE s.status <> 'CANCELLED_BY_CLINIC' AND s.starts_at < :now
                GROUP BY 1, 2
                ORDER BY 1, 2"""), filter)
                .query((rs, row) -> new CompletionReport.NoShowCell(rs.getInt("weekday"), rs.getInt("hour"),
                        rs.getLong("no_shows"), rs.getLong("planned")))
                .list();
        audit.record("VIEW", "REPORT", null, null, "course-completion " + filter.query());
        // With no course in scope the () grouping set still yields its row, so totals is always set.
        return new CompletionReport(filter, totals[0], reasons, months, programs, grid);
    }

    /** The courses behind one number of the dashboard, newest first. */
    @Transactional
    public List<ReviewCourse> courses(ReviewFilter filter, Outcome outcome, String month, String reason) {
        List<ReviewCourse> courses = bind(jdbc.sql(SCOPE + """
                SELECT scope.id, p.family_name || ' ' || p.given_name AS patient_name, p.record_number, scope.program,
                       pr.family_name || ' ' || pr.given_name AS practitioner, scope.first_start, scope.status,
                       scope.status_reason, scope.attended, scope.prescribed_sessions, scope.no_shows
                FROM scope
                JOIN patient p ON p.id = scope.patient_id
                JOIN practitioner pr ON pr.id = scope.practitioner_id
                WHERE (""" + outcome.predicate + """
                  )
                  AND (CAST(:month AS text) IS NULL OR to_char(scope.first_start AT TIME ZONE :zone, 'YYYY-MM') = :month)
                  AND (CAST(:reason AS text) IS NULL OR coalesce(scope.status_reason, '') = :reason)
                ORDER BY scope.first_start DESC, scope.id DESC"""), filter)
                .param("month", month == null || month.isBlank() ? null : month)
                .param("reason", reason)
                .query((rs, row) -> course(rs))
                .list();
        audit.record("VIEW", "REPORT", null, null, "course-completion courses " + outcome + " " + filter.query()
                + (month == null ? "" : " month=" + month) + (reason == null ? "" : " reason=" + reason));
        return courses;
    }

    /** One course with its sessions and acts, for the admin's drill-down. Audited: it names a patient. */
    @Transactional
    public CourseSummary summary(Long courseId) {
        ReviewCourse course = jdbc.sql("""
                SELECT c.id, p.family_name || ' ' || p.given_name AS patient_name, p.record_number, tp.code AS program,
                       pr.family_name || ' ' || pr.given_name AS practitioner,
                       (SELECT min(s.starts_at) FROM course_session s WHERE s.course_id = c.id) AS first_start,
                       c.status, c.status_reason, c.prescribed_sessions,
                       (SELECT count(*) FROM course_session s WHERE s.course_id = c.id AND s.status = 'ATTENDED') AS attended,
                       (SELECT count(*) FROM course_session s WHERE s.course_id = c.id AND s.status = 'NO_SHOW') AS no_shows,
                       c.patient_id
                FROM course c
                JOIN patient p ON p.id = c.patient_id
                JOIN practitioner pr ON pr.id = c.practitioner_id
                JOIN treatment_program tp ON tp.id = c.program_id
                WHERE c.id = ?""").param(courseId).query((rs, row) -> course(rs)).optional()
                .orElseThrow(() -> new NotFoundException("error.course.notFound", String.valueOf(courseId)));
        List<CourseSummary.Session> sessions = jdbc.sql("""
                SELECT seq_no, starts_at, status, needs_attention FROM course_session
                WHERE course_id = ? ORDER BY starts_at, seq_no""").param(courseId)
                .query((rs, row) -> new CourseSummary.Session(rs.getInt("seq_no"),
                        clock.toLocal(rs.getTimestamp("starts_at").toInstant()), rs.getString("status"),
                        rs.getBoolean("needs_attention")))
                .list();
        List<CourseSummary.Act> acts = jdbc.sql("""
                SELECT act, actor, occurred_at FROM course_event WHERE course_id = ? ORDER BY occurred_at, id""")
                .param(courseId)
                .query((rs, row) -> new CourseSummary.Act(rs.getString("act"), rs.getString("actor"),
                        clock.toLocal(rs.getTimestamp("occurred_at").toInstant())))
                .list();
        Long patientId = jdbc.sql("SELECT patient_id FROM course WHERE id = ?").param(courseId).query(Long.class)
                .single();
        audit.record("VIEW", "COURSE", courseId, patientId, "review summary");
        return new CourseSummary(course, sessions, acts);
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, ReviewFilter filter) {
        return statement.params(Map.of("now", Timestamp.from(clock.now()),
                        "from", Timestamp.from(clock.toInstant(filter.from().atStartOfDay())),
                        "until", Timestamp.from(clock.toInstant(filter.to().plusDays(1).atStartOfDay())),
                        "zone", clock.zone().getId()))
                .param("practitioner", filter.practitioner())
                .param("location", filter.location())
                .param("program", filter.program());
    }

    private ReviewCourse course(ResultSet rs) throws SQLException {
        Timestamp start = rs.getTimestamp("first_start");
        return new ReviewCourse(rs.getLong("id"), rs.getString("patient_name"), rs.getString("record_number"),
                rs.getString("program"), rs.getString("practitioner"),
                start == null ? null : clock.toDate(start.toInstant()), rs.getString("status"),
                rs.getString("status_reason"), rs.getLong("attended"), rs.getInt("prescribed_sessions"),
                rs.getLong("no_shows"));
    }

    private static CompletionReport.Figures figures(ResultSet rs) throws SQLException {
        long completed = rs.getLong("completed");
        long finished = rs.getLong("finished");
        long attended = rs.getLong("attended");
        long planned = rs.getLong("planned");
        long noShows = rs.getLong("no_shows");
        return new CompletionReport.Figures(rs.getLong("started"), completed, rs.getLong("stopped"),
                rs.getLong("abandoned"), rs.getLong("in_progress"), finished, rate(completed, finished), attended,
                planned, rate(attended, planned), noShows, rate(noShows, planned), decimal(rs, "avg_days"),
                decimal(rs, "avg_attended"), decimal(rs, "avg_prescribed"), rs.getLong("flagged"),
                rs.getLong("held"));
    }

    /** Four decimals: enough for a percentage with two, and the same in the page, the JSON and the CSV. */
    static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
    }

    private static Double decimal(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : value.doubleValue();
    }
}
