package com.coursebook.review;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;

import com.coursebook.audit.AuditTrail;
import com.coursebook.course.CourseSettings;
import com.coursebook.shared.ClinicClock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin's worklist: running courses one no-show away from being marked abandoned, so someone calls the patient
 * before the next booked session. Read from course_tally, whose run of no-shows since the last attended session is
 * the one the course lifecycle counts; one query however many courses there are.
 */
@Service
public class AbandonmentWatch {

    /** A course on the brink, with when the patient was last missed and when they are expected next. */
    public record AtRisk(Long courseId, String patientName, String recordNumber, String program, String practitioner,
            int noShowsInRow, int attended, int prescribed, LocalDateTime lastNoShow, LocalDateTime nextSession) {
    }

    private final JdbcClient jdbc;

    private final ClinicClock clock;

    private final AuditTrail audit;

    private final int abandonAfterNoShows;

    AbandonmentWatch(JdbcClient jdbc, ClinicClock clock, AuditTrail audit, CourseSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.abandonAfterNoShows = settings.abandonAfterNoShows();
    }

    /** How many no-shows in a row end a course; the worklist lists courses one short of it. */
    public int abandonAfterNoShows() {
        return abandonAfterNoShows;
    }

    /**
     * Planned and active courses with a run of no-shows one short of the limit (a paused course is not abandoned,
     * so it is not listed), those expected soonest first. With a limit of one there is no warning to give.
     */
    @Transactional
    public List<AtRisk> aboutToBeAbandoned() {
        List<AtRisk> courses = jdbc.sql("""
                SELECT c.id, p.family_name || ' ' || p.given_name AS patient_name, p.record_number, tp.code AS program,
                       pr.family_name || ' ' || pr.given_name AS practitioner, t.trailing_no_shows, t.attended,
                       c.prescribed_sessions,
                       (SELECT max(s.starts_at) FROM course_session s
                        WHERE s.course_id = c.id AND s.status = 'NO_SHOW') AS last_no_show,
                       (SELECT min(s.starts_at) FROM course_session s
                        WHERE s.course_id = c.id AND s.status = 'BOOKED' AND s.starts_at >= :now) AS next_session
                FROM course_tally t
                JOIN course c ON c.id = t.course_id
                JOIN patient p ON p.id = c.patient_id
                JOIN practitioner pr ON pr.id = c.practitioner_id
                JOIN treatment_program tp ON tp.id = c.program_id
                WHERE t.trailing_no_shows > 0 AND t.trailing_no_shows >= :threshold
                  AND c.status IN ('PLANNED', 'ACTIVE')
                ORDER BY next_session NULLS LAST, last_no_show DESC, c.id
                LIMIT 500""")
                .param("now", Timestamp.from(clock.now()))
                .param("threshold", abandonAfterNoShows - 1)
                .query((rs, row) -> new AtRisk(rs.getLong("id"), rs.getString("patient_name"),
                        rs.getString("record_number"), rs.getString("program"), rs.getString("practitioner"),
                        rs.getInt("trailing_no_shows"), rs.getInt("attended"), rs.getInt("prescribed_sessions"),
                        local(rs.getTimestamp("last_no_show")), local(rs.getTimestamp("next_session"))))
                .list();
        audit.record("VIEW", "REPORT", null, null, "courses about to be abandoned: " + courses.size());
        return courses;
    }

    private LocalDateTime local(Timestamp at) {
        return at == null ? null : clock.toLocal(at.toInstant());
    }
}
