package com.coursebook.course;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import com.coursebook.audit.AuditTrail;
import com.coursebook.shared.ClinicClock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reception's list of booked sessions that a rule now blocks and that need rebooking. One query. */
@Service
public class Worklist {

    private final JdbcClient jdbc;

    private final ClinicClock clock;

    private final AuditTrail audit;

    Worklist(JdbcClient jdbc, ClinicClock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    public record Item(Long sessionId, Long courseId, Long patientId, String patientName, String recordNumber,
            String phone, String programCode, int number, int of, LocalDateTime startsAt, String rule,
            LocalDate until) {
    }

    /** A running course owing sessions after a no-show or a cancellation, to be rebooked. */
    public record Gap(Long courseId, Long patientId, String patientName, String recordNumber, String phone,
            String programCode, int prescribed, int owed, LocalDateTime lastMissed) {
    }

    /** Open courses with fewer sessions booked or done than prescribed. One aggregate query. */
    @Transactional
    public List<Gap> coursesWithGaps() {
        List<Gap> gaps = jdbc.sql("""
                SELECT c.id, p.id AS patient_id, p.family_name || ' ' || p.given_name AS name, p.record_number,
                       p.phone, tp.code, c.prescribed_sessions,
                       c.prescribed_sessions - count(*) FILTER (WHERE s.status IN ('BOOKED', 'CHECKED_IN', 'ATTENDED')) AS owed,
                       max(s.starts_at) FILTER (WHERE s.status NOT IN ('BOOKED', 'CHECKED_IN', 'ATTENDED')) AS last_missed
                FROM course c
                JOIN course_session s ON s.course_id = c.id
                JOIN patient p ON p.id = c.patient_id
                JOIN treatment_program tp ON tp.id = c.program_id
                WHERE c.status IN ('PLANNED', 'ACTIVE')
                GROUP BY c.id, p.id, tp.code
                HAVING c.prescribed_sessions - count(*) FILTER (WHERE s.status IN ('BOOKED', 'CHECKED_IN', 'ATTENDED')) > 0
                ORDER BY last_missed DESC NULLS LAST
                LIMIT 500""")
                .query((rs, row) -> new Gap(rs.getLong("id"), rs.getLong("patient_id"), rs.getString("name"),
                        rs.getString("record_number"), rs.getString("phone"), rs.getString("code"),
                        rs.getInt("prescribed_sessions"), rs.getInt("owed"),
                        rs.getTimestamp("last_missed") == null ? null
                                : clock.toLocal(rs.getTimestamp("last_missed").toInstant())))
                .list();
        audit.record("VIEW", "WORKLIST_GAPS", null, null, "items=" + gaps.size());
        return gaps;
    }

    /** Tomorrow's booked sessions, for reception to call and confirm. One query. */
    public record Confirmation(Long sessionId, Long patientId, String patientName, String phone, String programCode,
            int number, int of, LocalDateTime startsAt) {
    }

    @Transactional
    public List<Confirmation> tomorrowsConfirmations() {
        LocalDate tomorrow = clock.today().plusDays(1);
        List<Confirmation> calls = jdbc.sql("""
                SELECT s.id, p.id AS patient_id, p.family_name || ' ' || p.given_name AS name, p.phone, tp.code,
                       """ + SessionNumber.SQL + """
                        AS seq_no, c.prescribed_sessions, s.starts_at
                FROM course_session s
                JOIN course c ON c.id = s.course_id
                JOIN patient p ON p.id = s.patient_id
                JOIN treatment_program tp ON tp.id = c.program_id
                WHERE s.status = 'BOOKED' AND s.starts_at >= ? AND s.starts_at < ?
                ORDER BY s.starts_at""")
                .params(Timestamp.from(clock.toInstant(tomorrow.atStartOfDay())),
                        Timestamp.from(clock.toInstant(tomorrow.plusDays(1).atStartOfDay())))
                .query((rs, row) -> new Confirmation(rs.getLong("id"), rs.getLong("patient_id"), rs.getString("name"),
                        rs.getString("phone"), rs.getString("code"), rs.getInt("seq_no"),
                        rs.getInt("prescribed_sessions"), clock.toLocal(rs.getTimestamp("starts_at").toInstant())))
                .list();
        audit.record("VIEW", "WORKLIST_CONFIRMATIONS", null, null, "items=" + calls.size());
        return calls;
    }

    /** Future booked sessions a rule now blocks (flagged by a re-check, or held for review), soonest first. */
    @Transactional
    public List<Item> needingAttention() {
        List<Item> items = sessions("s.needs_attention AND s.status = 'BOOKED' AND s.starts_at >= ?", "s.starts_at",
                Timestamp.from(clock.now()));
        audit.record("VIEW", "WORKLIST", null, null, "items=" + items.size());
        return items;
    }

    /**
     * Booked sessions of running courses whose day has passed without an outcome: missed while the course was held
     * for review (check-in refuses held sessions), or never marked. Each needs marking or rebooking; latest first.
     */
    @Transactional
    public List<Item> pastStillBooked() {
        List<Item> items = sessions("s.status = 'BOOKED' AND s.starts_at < ? AND c.status IN ('PLANNED', 'ACTIVE', 'PAUSED')",
                "s.starts_at DESC", Timestamp.from(clock.toInstant(clock.today().atStartOfDay())));
        audit.record("VIEW", "WORKLIST_PAST", null, null, "items=" + items.size());
        return items;
    }

    private List<Item> sessions(String condition, String order, Object bound) {
        return jdbc.sql("""
                SELECT s.id, s.course_id, p.id AS patient_id, p.family_name || ' ' || p.given_name AS name,
                       p.record_number, p.phone, tp.code, """ + SessionNumber.SQL + """
                        AS seq_no, c.prescribed_sessions, s.starts_at,
                       s.attention_rule, s.attention_until
                FROM course_session s
                JOIN course c ON c.id = s.course_id
                JOIN patient p ON p.id = s.patient_id
                JOIN treatment_program tp ON tp.id = c.program_id
                WHERE %s
                ORDER BY %s
                LIMIT 500""".formatted(condition, order))
                .param(bound)
                .query((rs, row) -> new Item(rs.getLong("id"), rs.getLong("course_id"), rs.getLong("patient_id"),
                        rs.getString("name"), rs.getString("record_number"), rs.getString("phone"),
                        rs.getString("code"), rs.getInt("seq_no"), rs.getInt("prescribed_sessions"),
                        clock.toLocal(rs.getTimestamp("starts_at").toInstant()), rs.getString("attention_rule"),
                        rs.getObject("attention_until", LocalDate.class)))
                .list();
    }
}
