package com.coursebook.course;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import com.coursebook.audit.AuditTrail;
import com.coursebook.shared.Bilingual;
import com.coursebook.shared.ClinicClock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A clinician's list for a day: patient, program, "4 of 10", preparation, and what to watch. One query. */
@Service
public class ClinicianDay {

    private final JdbcClient jdbc;

    private final ClinicClock clock;

    private final AuditTrail audit;

    private final com.coursebook.security.AppUsers users;

    ClinicianDay(JdbcClient jdbc, ClinicClock clock, AuditTrail audit, com.coursebook.security.AppUsers users) {
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * @param warningConfirmed the course runs on a clinician's override of a warning
     * @param underReview      the course is held until a clinician reviews it
     */
    public record Item(Long sessionId, Long courseId, Long patientId, String patientName, String programCode,
            String programName, String preparation, int number, int of, LocalDateTime startsAt, LocalDateTime endsAt,
            SessionStatus status, boolean needsAttention, String attentionRule, boolean warningConfirmed,
            boolean underReview) {
    }

    /** A course of this clinician's held until they review it (pain, an adverse event, a worse condition). */
    public record Review(Long courseId, Long patientId, String patientName, String programCode, String programName,
            String reason) {
    }

    /** Courses waiting for the signed-in clinician's review. One query. */
    @Transactional
    public List<Review> waitingForReview(Locale locale) {
        Long practitionerId = currentPractitioner();
        return jdbc.sql("""
                SELECT c.id, p.id AS patient_id, p.family_name || ' ' || p.given_name AS name, tp.code, tp.name_en,
                       tp.name_ru, c.review_reason
                FROM course c JOIN patient p ON p.id = c.patient_id JOIN treatment_program tp ON tp.id = c.program_id
                WHERE c.practitioner_id = ? AND c.needs_review AND c.status IN ('PLANNED', 'ACTIVE', 'PAUSED')
                ORDER BY c.updated_at""")
                .param(practitionerId)
                .query((rs, row) -> new Review(rs.getLong("id"), rs.getLong("patient_id"), rs.getString("name"),
                        rs.getString("code"), new Bilingual(rs.getString("name_en"), rs.getString("name_ru")).in(locale),
                        rs.getString("review_reason")))
                .list();
    }

    /** The practitioner record of the signed-in clinician; refused for a login that is not one. */
    public Long currentPractitioner() {
        return users.findByUsername(com.coursebook.security.Staff.currentName())
                .map(u -> u.getPractitionerId()).filter(id -> id != null)
                .orElseThrow(() -> new com.coursebook.shared.InvalidRequestException("user", "today.noPractitioner"));
    }

    /** The signed-in clinician's own list for the day. */
    @Transactional
    public List<Item> ofCurrentClinician(LocalDate day, Locale locale) {
        return of(currentPractitioner(), day, locale);
    }

    @Transactional
    public List<Item> of(Long practitionerId, LocalDate day, Locale locale) {
        List<Item> items = jdbc.sql("""
                SELECT s.id, s.course_id, p.id AS patient_id, p.family_name || ' ' || p.given_name AS name,
                       tp.code, tp.name_en, tp.name_ru, tp.preparation_en, tp.preparation_ru, """ + SessionNumber.SQL + """
                        AS seq_no,
                       c.prescribed_sessions, s.starts_at, s.ends_at, s.status, s.needs_attention, s.attention_rule,
                       EXISTS (SELECT 1 FROM rule_override o WHERE o.course_id = c.id) AS warning_confirmed,
                       c.needs_review
                FROM course_session s
                JOIN course c ON c.id = s.course_id
                JOIN patient p ON p.id = s.patient_id
                JOIN treatment_program tp ON tp.id = c.program_id
                WHERE s.practitioner_id = ? AND s.starts_at >= ? AND s.starts_at < ?
                  AND s.status NOT LIKE 'CANCELLED%'
                ORDER BY s.starts_at""")
                .params(practitionerId, Timestamp.from(clock.toInstant(day.atStartOfDay())),
                        Timestamp.from(clock.toInstant(day.plusDays(1).atStartOfDay())))
                .query((rs, row) -> new Item(rs.getLong("id"), rs.getLong("course_id"), rs.getLong("patient_id"),
                        rs.getString("name"), rs.getString("code"),
                        new Bilingual(rs.getString("name_en"), rs.getString("name_ru")).in(locale),
                        new Bilingual(rs.getString("preparation_en"), rs.getString("preparation_ru")).in(locale),
                        rs.getInt("seq_no"), rs.getInt("prescribed_sessions"),
                        clock.toLocal(rs.getTimestamp("starts_at").toInstant()),
                        clock.toLocal(rs.getTimestamp("ends_at").toInstant()),
                        SessionStatus.valueOf(rs.getString("status")), rs.getBoolean("needs_attention"),
                        rs.getString("attention_rule"), rs.getBoolean("warning_confirmed"),
                        rs.getBoolean("needs_review")))
                .list();
        audit.record("VIEW", "DAY_LIST", practitionerId, null, day + "; items=" + items.size());
        return items;
    }
}
