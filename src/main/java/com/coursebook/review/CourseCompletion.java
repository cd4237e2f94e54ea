package com.coursebook.review;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
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
 * How courses end, for admins. Every figure is an SQL aggregate over the tallies the database keeps per course and
 * per clinic hour; nothing is loaded as entities. The dashboard costs two queries (course figures with all their
 * breakdowns through GROUPING SETS, and the no-show grid) besides the planner settings and the audit line.
 */
@Service
public class CourseCompletion {

    /**
     * The courses in scope with their per-course figures, read from course_tally alone (kept current by triggers on
     * course_session and course, see V6__review_tallies.sql) rather than rolled up from every session and joined to
     * the courses: the period is an index range on the first session. A course starts with its first session (any
     * status: a booked course whose first session was cancelled still started then); a course without sessions has
     * not started and is left out. The location is the course practitioner's home location. Planned sessions are those whose time has come, so the
     * few courses with sessions still ahead have those subtracted.
     */
    private static final String SCOPE = """
            WITH waits AS (
                -- One row per course that was ever held for review or blocked by a rule, with the days it waited:
                -- from each hold (block) to the review (lifting), to the end of the course, or until now. A hold
                -- recorded while the course was already held does not start a second wait.
                SELECT st.course_id,
                       sum(w.days) FILTER (WHERE st.act = 'HOLD_FOR_REVIEW') AS held_days,
                       sum(w.days) FILTER (WHERE st.act = 'BLOCKED') AS blocked_days
                FROM (SELECT e.id, e.course_id, e.act, e.occurred_at,
                             lag(e.act) OVER (PARTITION BY e.course_id, e.act IN ('BLOCKED', 'UNBLOCKED')
                                              ORDER BY e.occurred_at, e.id) AS previous
                      FROM course_event e
                      WHERE e.act IN ('HOLD_FOR_REVIEW', 'REVIEWED', 'BLOCKED', 'UNBLOCKED')) st
                CROSS JOIN LATERAL (
                    SELECT extract(epoch FROM least(coalesce(min(x.occurred_at), :now), CAST(:now AS timestamptz))
                                              - st.occurred_at) / 86400.0 AS days
                    FROM course_event x
                    WHERE x.course_id = st.course_id AND x.id <> st.id AND x.occurred_at >= st.occurred_at
                      AND x.act IN (CASE st.act WHEN 'BLOCKED' THEN 'UNBLOCKED' ELSE 'REVIEWED' END,
                                    'COMPLETED', 'STOPPED', 'ABANDONED')) w
                WHERE st.act IN ('HOLD_FOR_REVIEW', 'BLOCKED') AND st.previous IS DISTINCT FROM st.act
                GROUP BY st.course_id
            ), ahead AS (
                -- Sessions not yet due, of the few courses that still have any: subtracted from those planned.
                SELECT s.course_id, count(*) AS sessions
                FROM course_tally t JOIN course_session s ON s.course_id = t.course_id
                WHERE t.last_kept_at >= :now AND s.starts_at >= :now AND s.status <> 'CANCELLED_BY_CLINIC'
                GROUP BY s.course_id
            ), scope AS (
                SELECT t.course_id AS id, t.status, t.status_reason, t.prescribed_sessions, t.practitioner_id,
                       t.program_id, t.first_session_at AS first_start, t.first_month, t.attended, t.no_shows,
                       t.kept - coalesce(a.sessions, 0) AS planned,
                       t.attended_days,
                       t.status IN ('COMPLETED', 'STOPPED', 'ABANDONED') AS finished,
                       t.flagged OR w.blocked_days IS NOT NULL AS flagged,
                       t.needs_review OR w.held_days IS NOT NULL AS held,
                       w.blocked_days, w.held_days
                FROM course_tally t
                LEFT JOIN waits w ON w.course_id = t.course_id
                LEFT JOIN ahead a ON a.course_id = t.course_id
                WHERE t.first_session_at >= :from AND t.first_session_at < :until
                  AND (CAST(:practitioner AS bigint) IS NULL OR t.practitioner_id = :practitioner)
                  AND (CAST(:location AS bigint) IS NULL
                       OR t.practitioner_id IN (SELECT pr.id FROM practitioner pr WHERE pr.location_id = :location))
                  AND (CAST(:program AS text) IS NULL
                       OR t.program_id IN (SELECT tp.id FROM treatment_program tp WHERE tp.code = :program))
            )
            """;

    /**
     * Sessions whose time has come, kept and missed, by the clinic's weekday and hour, read from the sessions
     * themselves: a single practitioner's (a few thousand, by index), or everyone's in the hour now running.
     */
    private static final String GRID_OF_SESSIONS = """
            SELECT extract(isodow FROM s.starts_at AT TIME ZONE :zone)::int AS weekday,
                   extract(hour FROM s.starts_at AT TIME ZONE :zone)::int AS hour,
                   count(*) FILTER (WHERE s.status = 'NO_SHOW') AS no_shows, count(*) AS planned
            FROM course_session s
            JOIN course c ON c.id = s.course_id
            JOIN treatment_program tp ON tp.id = c.program_id
            JOIN practitioner pr ON pr.id = s.practitioner_id
            WHERE s.starts_at >= :sessionsFrom AND s.starts_at < :sessionsUntil
              AND s.status <> 'CANCELLED_BY_CLINIC'
              AND (CAST(:practitioner AS bigint) IS NULL OR s.practitioner_id = :practitioner)
              AND (CAST(:location AS bigint) IS NULL OR pr.location_id = :location)
              AND (CAST(:program AS text) IS NULL OR tp.code = :program)
            GROUP BY 1, 2
            """;

    /**
     * The same grid for everyone: the sessions that took place (or should have) in the period, wherever their course
     * started, from the tally by clinic day and hour plus its unfolded differences, and the hour now running, not
     * yet over, from the sessions.
     */
    private static final String GRID_FROM_TALLY = """
            SELECT extract(isodow FROM g.day)::int AS weekday, g.hour AS hour,
                   sum(g.no_shows) AS no_shows, sum(g.kept) AS planned
            FROM (SELECT day, hour, location_id, program_id, kept, no_shows FROM session_slot_tally
                  UNION ALL
                  SELECT day, hour, location_id, program_id, kept, no_shows FROM session_slot_delta) g
            WHERE g.day >= :fromDay AND g.day <= :toDay AND (g.day < :today OR (g.day = :today AND g.hour < :hour))
              AND (CAST(:location AS bigint) IS NULL OR g.location_id = :location)
              AND (CAST(:program AS text) IS NULL
                   OR g.program_id IN (SELECT tp.id FROM treatment_program tp WHERE tp.code = :program))
            GROUP BY 1, 2
            HAVING sum(g.kept) <> 0 OR sum(g.no_shows) <> 0
            UNION ALL
            """ + GRID_OF_SESSIONS;

    /**
     * The report in two steps: first the courses in scope fold into a few hundred groups (month, program, stop
     * reason, status) by hashing, then the grouping sets roll those up. Grouping sets straight over 200,000 courses
     * sort them all; this way only the small groups are sorted. Averages are carried as sums and counts.
     */
    private static final String REPORT = """
            , groups AS (
                SELECT first_month, program_id,
                       CASE WHEN status = 'STOPPED' THEN coalesce(status_reason, '') END AS reason, status, finished,
                       count(*) AS courses, sum(attended) AS attended, sum(planned) AS planned,
                       sum(no_shows) AS no_shows, sum(attended_days) AS days, count(attended_days) AS with_days,
                       sum(attended) FILTER (WHERE finished) AS finished_attended,
                       sum(prescribed_sessions) FILTER (WHERE finished) AS finished_prescribed,
                       count(*) FILTER (WHERE flagged) AS flagged, count(*) FILTER (WHERE held) AS held,
                       sum(blocked_days) AS blocked_days, count(blocked_days) AS blocked, max(blocked_days) AS blocked_longest,
                       sum(held_days) AS held_days, count(held_days) AS held_waited, max(held_days) AS held_longest
                FROM scope
                GROUP BY 1, 2, 3, 4, 5
            )
            SELECT GROUPING(first_month, program_id, reason) AS grain, to_char(first_month, 'YYYY-MM') AS month,
                   (SELECT tp.code FROM treatment_program tp WHERE tp.id = program_id) AS program, reason,
                   coalesce(sum(courses), 0) AS started,
                   coalesce(sum(courses) FILTER (WHERE status = 'COMPLETED'), 0) AS completed,
                   coalesce(sum(courses) FILTER (WHERE status = 'STOPPED'), 0) AS stopped,
                   coalesce(sum(courses) FILTER (WHERE status = 'ABANDONED'), 0) AS abandoned,
                   coalesce(sum(courses) FILTER (WHERE status IN ('PLANNED', 'ACTIVE', 'PAUSED')), 0) AS in_progress,
                   coalesce(sum(courses) FILTER (WHERE finished), 0) AS finished,
                   coalesce(sum(attended), 0) AS attended,
                   coalesce(sum(planned), 0) AS planned,
                   coalesce(sum(no_shows), 0) AS no_shows,
                   round(sum(days)::numeric / nullif(sum(with_days), 0), 2) AS avg_days,
                   round(sum(finished_attended)::numeric / nullif(sum(courses) FILTER (WHERE finished), 0), 2)
                       AS avg_attended,
                   round(sum(finished_prescribed)::numeric / nullif(sum(courses) FILTER (WHERE finished), 0), 2)
                       AS avg_prescribed,
                   coalesce(sum(flagged), 0) AS flagged,
                   coalesce(sum(held), 0) AS held,
                   round(sum(blocked_days) / nullif(sum(blocked), 0), 1) AS flagged_wait,
                   round(max(blocked_longest), 1) AS flagged_longest,
                   round(sum(held_days) / nullif(sum(held_waited), 0), 1) AS held_wait,
                   round(max(held_longest), 1) AS held_longest
            FROM groups
            GROUP BY GROUPING SETS ((), (first_month), (program_id), (reason))
            ORDER BY grain, first_month, program, reason""";


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
        planForTheseValues();
        CompletionReport.Figures[] totals = new CompletionReport.Figures[1];
        List<CompletionReport.Reason> reasons = new ArrayList<>();
        List<CompletionReport.Month> months = new ArrayList<>();
        List<CompletionReport.Program> programs = new ArrayList<>();
        // GROUPING(month, program, reason) says which grouping set a row belongs to: 7 = all courses,
        // 3 = one month, 5 = one program, 6 = one stop reason (non-stopped courses form a null-reason group, skipped).
        bind(jdbc.sql(SCOPE + REPORT), filter).query(rs -> {
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
        // Two partial sums (tally, and the hour now running) may name the same cell: added up here.
        java.util.SortedMap<Integer, long[]> cells = new java.util.TreeMap<>();
        java.time.LocalDateTime now = clock.toLocal(clock.now());
        Instant hourStart = clock.toInstant(now.truncatedTo(java.time.temporal.ChronoUnit.HOURS));
        Instant from = start(filter);
        Instant until = end(filter);
        boolean fromTally = filter.practitioner() == null;
        bind(jdbc.sql(fromTally ? GRID_FROM_TALLY : GRID_OF_SESSIONS), filter)
                .param("fromDay", filter.from())
                .param("toDay", filter.to())
                .param("today", now.toLocalDate())
                .param("hour", now.getHour())
                .param("sessionsFrom", Timestamp.from(fromTally && hourStart.isAfter(from) ? hourStart : from))
                .param("sessionsUntil", Timestamp.from(clock.now().isBefore(until) ? clock.now() : until))
                .query(rs -> {
            long[] cell = cells.computeIfAbsent(rs.getInt("weekday") * 100 + rs.getInt("hour"), k -> new long[2]);
            cell[0] += rs.getLong("no_shows");
            cell[1] += rs.getLong("planned");
        });
        List<CompletionReport.NoShowCell> grid = cells.entrySet().stream()
                .map(e -> new CompletionReport.NoShowCell(e.getKey() / 100, e.getKey() % 100, e.getValue()[0],
                        e.getValue()[1]))
                .toList();
        audit.record("VIEW", "REPORT", null, null, "course-completion " + filter.query());
        // With no course in scope the () grouping set still yields its row, so totals is always set.
        return new CompletionReport(filter, totals[0], reasons, months, programs, grid);
    }

    /** The courses behind one number of the dashboard, newest first. */
    @Transactional
    public List<ReviewCourse> courses(ReviewFilter filter, Outcome outcome, String month, String reason) {
        planForTheseValues();
        List<ReviewCourse> courses = bind(jdbc.sql(SCOPE + """
                SELECT scope.id, p.family_name || ' ' || p.given_name AS patient_name, p.record_number, tp.code AS program,
                       pr.family_name || ' ' || pr.given_name AS practitioner, scope.first_start, scope.status,
                       scope.status_reason, scope.attended, scope.prescribed_sessions, scope.no_shows
                FROM scope
                JOIN course c ON c.id = scope.id
                JOIN patient p ON p.id = c.patient_id
                JOIN treatment_program tp ON tp.id = scope.program_id
                JOIN practitioner pr ON pr.id = scope.practitioner_id
                WHERE (""" + outcome.predicate + """
                  )
                  AND (CAST(:month AS text) IS NULL OR to_char(scope.first_month, 'YYYY-MM') = :month)
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

    /**
     * The driver reuses a server-side prepared statement after a few runs, and PostgreSQL may then switch to a
     * generic plan that cannot see the period or which filters are empty: it guessed a handful of courses and
     * looped over the waits once per course, turning a one-second query into minutes at chain scale. Planning
     * for the actual values costs a few milliseconds. A chain's year (200,000 courses) also needs more than the
     * default 4 MB to hash and sort in memory rather than on disk. Both for this transaction only.
     */
    private void planForTheseValues() {
        jdbc.sql("SELECT set_config('plan_cache_mode', 'force_custom_plan', true), set_config('work_mem', '64MB', true)")
                .query().listOfRows();
    }

    /** The period's first instant: the clinic's midnight opening its first day. */
    private Instant start(ReviewFilter filter) {
        return clock.toInstant(filter.from().atStartOfDay());
    }

    /** The instant just after the period: the clinic's midnight closing its last day. */
    private Instant end(ReviewFilter filter) {
        return clock.toInstant(filter.to().plusDays(1).atStartOfDay());
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, ReviewFilter filter) {
        return statement.params(Map.of("now", Timestamp.from(clock.now()),
                        "from", Timestamp.from(start(filter)),
                        "until", Timestamp.from(end(filter)),
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
                decimal(rs, "flagged_wait"), decimal(rs, "flagged_longest"), rs.getLong("held"),
                decimal(rs, "held_wait"), decimal(rs, "held_longest"));
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
