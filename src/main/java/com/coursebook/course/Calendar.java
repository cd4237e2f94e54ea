package com.coursebook.course;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import com.coursebook.audit.AuditTrail;
import com.coursebook.shared.Bilingual;
import com.coursebook.shared.ClinicClock;
import com.coursebook.shared.InvalidRequestException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Day and week calendars of a practitioner or a room. Each is ONE range-bounded query, whatever the number
 * of sessions, served by the (practitioner_id, starts_at) index.
 */
@Service
public class Calendar {

    static final int MAX_DAYS = 62;

    private final JdbcClient jdbc;

    private final ClinicClock clock;

    private final AuditTrail audit;

    Calendar(JdbcClient jdbc, ClinicClock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    /** One session in a calendar: enough to read at a glance, nothing clinical. */
    public record Entry(Long sessionId, Long courseId, Long patientId, String patientName, String programCode,
            String programName, int number, int of, LocalDateTime startsAt, LocalDateTime endsAt, SessionStatus status,
            boolean needsAttention, Long practitionerId, Long roomId) {

        public LocalDate date() {
            return startsAt.toLocalDate();
        }
    }

    @Transactional
    public List<Entry> practitioner(Long practitionerId, LocalDate from, LocalDate to, Locale locale) {
        return entries("s.practitioner_id = ?", practitionerId, from, to, locale);
    }

    @Transactional
    public List<Entry> room(Long roomId, LocalDate from, LocalDate to, Locale locale) {
        return entries("s.room_id = ?", roomId, from, to, locale);
    }

    private List<Entry> entries(String owner, Long ownerId, LocalDate from, LocalDate to, Locale locale) {
        if (to.isBefore(from) || to.isAfter(from.plusDays(MAX_DAYS - 1L))) {
            throw new InvalidRequestException("to", "calendar.range.invalid", MAX_DAYS);
        }
        List<Entry> entries = jdbc.sql("""
                SELECT s.id, s.course_id, s.patient_id, p.family_name || ' ' || p.given_name AS patient_name,
                       tp.code, tp.name_en, tp.name_ru, """ + SessionNumber.SQL + """
                        AS seq_no, c.prescribed_sessions, s.starts_at, s.ends_at,
                       s.status, s.needs_attention, s.practitioner_id, s.room_id
                FROM course_session s
                JOIN course c ON c.id = s.course_id
                JOIN patient p ON p.id = s.patient_id
                JOIN treatment_program tp ON tp.id = c.program_id
                WHERE %s AND s.starts_at >= ? AND s.starts_at < ?
                ORDER BY s.starts_at""".formatted(owner))
                .params(ownerId, Timestamp.from(clock.toInstant(from.atStartOfDay())),
                        Timestamp.from(clock.toInstant(to.plusDays(1).atStartOfDay())))
                .query((rs, row) -> new Entry(rs.getLong("id"), rs.getLong("course_id"), rs.getLong("patient_id"),
                        rs.getString("patient_name"), rs.getString("code"),
                        new Bilingual(rs.getString("name_en"), rs.getString("name_ru")).in(locale),
                        rs.getInt("seq_no"), rs.getInt("prescribed_sessions"),
                        clock.toLocal(rs.getTimestamp("starts_at").toInstant()),
                        clock.toLocal(rs.getTimestamp("ends_at").toInstant()),
                        SessionStatus.valueOf(rs.getString("status")), rs.getBoolean("needs_attention"),
                        rs.getLong("practitioner_id"), (Long) rs.getObject("room_id")))
                .list();
        audit.record("VIEW", "CALENDAR", ownerId, null, owner.replace(" = ?", "") + " " + from + ".." + to);
        return entries;
    }
}
