package com.coursebook.notes;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import com.coursebook.course.ClinicianDay;
import com.coursebook.shared.Bilingual;
import com.coursebook.shared.ClinicClock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in clinician's sessions still owing a signed note. Kept here, not in {@code course}: notes own
 * session_note, and course must not read it (notes already depends on course; the reverse would be a cycle).
 */
@Service
public class NotesToSign {

    private final JdbcClient jdbc;

    private final ClinicClock clock;

    private final ClinicianDay day;

    NotesToSign(JdbcClient jdbc, ClinicClock clock, ClinicianDay day) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.day = day;
    }

    /** A session of this clinician's that took place more than a day ago and still has no signed note. */
    public record UnsignedNote(Long sessionId, Long patientId, String patientName, String programCode,
            String programName, LocalDateTime startsAt) {
    }

    /** Which sessions owe a signed note: attended over a day ago, in the last 60 days, none or only a draft. */
    private static final String UNSIGNED = """
            FROM course_session s
            LEFT JOIN session_note n ON n.session_id = s.id
            WHERE s.practitioner_id = ? AND s.status IN ('ATTENDED', 'CHECKED_IN')
              AND s.starts_at < now() - interval '1 day' AND s.starts_at > now() - interval '60 days'
              AND (n.id IS NULL OR n.status = 'DRAFT')
            """;

    /** How many notes the signed-in clinician still has to sign, for the day page. One query. */
    @Transactional(readOnly = true)
    public long countForCurrentClinician() {
        return jdbc.sql("SELECT count(*) " + UNSIGNED).param(day.currentPractitioner()).query(Long.class).single();
    }

    /** Every note still to sign (the 60-day window bounds the list), newest first. One query. */
    @Transactional(readOnly = true)
    public List<UnsignedNote> ofCurrentClinician(Locale locale) {
        return jdbc.sql("""
                SELECT s.id, p.id AS patient_id, p.family_name || ' ' || p.given_name AS name, tp.code, tp.name_en,
                       tp.name_ru, s.starts_at
                """ + UNSIGNED.replace("LEFT JOIN", """
                JOIN course c ON c.id = s.course_id
                JOIN patient p ON p.id = s.patient_id
                JOIN treatment_program tp ON tp.id = c.program_id
                LEFT JOIN""") + "ORDER BY s.starts_at DESC")
                .param(day.currentPractitioner())
                .query((rs, row) -> new UnsignedNote(rs.getLong("id"), rs.getLong("patient_id"), rs.getString("name"),
                        rs.getString("code"), new Bilingual(rs.getString("name_en"), rs.getString("name_ru")).in(locale),
                        clock.toLocal(rs.getTimestamp("starts_at").toInstant())))
                .list();
    }
}
