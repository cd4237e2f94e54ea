package com.coursebook.course;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;

import com.coursebook.audit.AuditTrail;
import com.coursebook.scheduling.DaysOffChanged;
import com.coursebook.shared.ClinicClock;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * When an admin records leave or a closure, the future sessions booked on those days are flagged "needs attention"
 * for reception to rebook (they show on the worklist, the chart and the calendar); nothing is cancelled silently.
 * Removing the leave or closure lifts the flags it set. A session already flagged for a clinical reason keeps that
 * flag: it says more. One UPDATE either way, in the admin's transaction.
 */
@Component
class DaysOffRecheck {

    static final String PRACTITIONER_ABSENT = "PRACTITIONER_ABSENT";

    static final String CLINIC_CLOSED = "CLINIC_CLOSED";

    /** Flags about the clinic's time rather than the patient: a re-check of the patient's conditions leaves them be. */
    static final Set<String> SCHEDULE_RULES = Set.of(PRACTITIONER_ABSENT, CLINIC_CLOSED);

    private final JdbcClient jdbc;

    private final ClinicClock clock;

    private final AuditTrail audit;

    DaysOffRecheck(JdbcClient jdbc, ClinicClock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    @EventListener
    @Transactional
    public void on(DaysOffChanged change) {
        boolean leave = change.kind() == DaysOffChanged.Kind.LEAVE;
        String rule = leave ? PRACTITIONER_ABSENT : CLINIC_CLOSED;
        // The session's place is its room's location, or its practitioner's when no room was given.
        String whose = leave ? "s.practitioner_id = :practitioner"
                : """
                  (CAST(:location AS bigint) IS NULL
                   OR coalesce((SELECT r.location_id FROM room r WHERE r.id = s.room_id),
                               (SELECT pr.location_id FROM practitioner pr WHERE pr.id = s.practitioner_id)) = :location)""";
        String act = change.added()
                ? "needs_attention = true, attention_rule = :rule, attention_until = :until"
                : "needs_attention = false, attention_rule = NULL, attention_until = NULL";
        String which = change.added() ? "NOT s.needs_attention" : "s.attention_rule = :rule";
        // Only sessions still ahead: a past day's sessions have had their outcome, or are on the worklist already.
        Instant from = clock.toInstant(change.from().atStartOfDay());
        jdbc.sql("""
                UPDATE course_session s SET %s, version = s.version + 1, updated_at = now()
                WHERE s.status = 'BOOKED' AND s.starts_at >= :from AND s.starts_at < :to
                  AND %s AND %s
                RETURNING s.id, s.patient_id""".formatted(act, which, whose))
                .param("rule", rule)
                .param("until", change.to().plusDays(1))
                .param("from", Timestamp.from(from.isAfter(clock.now()) ? from : clock.now()))
                .param("to", Timestamp.from(clock.toInstant(change.to().plusDays(1).atStartOfDay())))
                .param("practitioner", change.practitionerId())
                .param("location", change.locationId())
                .query(rs -> {
                    audit.record(change.added() ? "FLAG" : "UNFLAG", "SESSION", rs.getLong("id"),
                            rs.getLong("patient_id"), rule + " " + change.from() + "–" + change.to());
                });
    }
}
