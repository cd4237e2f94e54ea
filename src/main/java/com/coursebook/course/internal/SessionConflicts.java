package com.coursebook.course.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.coursebook.shared.TimeSlot;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds which proposed slot is already taken, in one query, so the refusal can name it. The exclusion
 * constraints remain the guarantee; this only makes the common case readable.
 */
@Component
public class SessionConflicts {

    private final JdbcClient jdbc;

    SessionConflicts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static List<Object> withIgnored(List<Object> parameters, List<Long> ignored) {
        if (!ignored.isEmpty()) {
            parameters.add(ignored.toArray(new Long[0]));
        }
        return parameters;
    }

    /**
     * @param session the proposed slot it concerns, 1-based in the order given
     * @param whose   PRACTITIONER when the practitioner holds the session, else PATIENT
     * @param courseId the course the booked session belongs to
     */
    public record Conflict(int session, Instant startsAt, Instant endsAt, String whose, Long courseId) {
    }

    /** The first overlap by time of the booked session, or none; ignoring the given sessions (those being moved). */
    public Optional<Conflict> firstConflict(Long practitionerId, Long patientId, List<TimeSlot> slots,
            List<Long> ignoredSessionIds) {
        return all(practitionerId, patientId, slots, ignoredSessionIds).stream()
                .min(java.util.Comparator.comparing(Conflict::startsAt));
    }

    /**
     * Every overlap of every proposed slot with a session already booked for the practitioner or the patient, in one
     * query, by slot and then time: a check can mark each session the booking would hit, not only the first.
     */
    public List<Conflict> all(Long practitionerId, Long patientId, List<TimeSlot> slots, List<Long> ignoredSessionIds) {
        if (slots.isEmpty()) {
            return List.of();
        }
        StringBuilder proposed = new StringBuilder();
        List<Object> parameters = new ArrayList<>(List.of(practitionerId)); // in the order of the placeholders
        for (int i = 0; i < slots.size(); i++) {
            proposed.append(i == 0 ? "" : ", ").append("(?, ?::timestamptz, ?::timestamptz)");
            parameters.add(i + 1);
            parameters.add(Timestamp.from(slots.get(i).startsAt()));
            parameters.add(Timestamp.from(slots.get(i).endsAt()));
        }
        parameters.addAll(List.of(practitionerId, patientId));
        return jdbc.sql("SELECT p.n, s.starts_at, s.ends_at, s.course_id, CASE WHEN s.practitioner_id = ? "
                + "THEN 'PRACTITIONER' ELSE 'PATIENT' END AS whose FROM (VALUES " + proposed + ") AS p(n, starts, ends) "
                + "JOIN course_session s ON s.status NOT LIKE 'CANCELLED%' AND (s.practitioner_id = ? OR s.patient_id = ?) "
                + "AND s.starts_at < p.ends AND s.ends_at > p.starts"
                + (ignoredSessionIds.isEmpty() ? "" : " AND s.id <> ALL (?)")
                + " ORDER BY p.n, s.starts_at")
                .params(withIgnored(parameters, ignoredSessionIds))
                .query((rs, row) -> new Conflict(rs.getInt("n"), rs.getTimestamp("starts_at").toInstant(),
                        rs.getTimestamp("ends_at").toInstant(), rs.getString("whose"), rs.getLong("course_id")))
                .list();
    }
}
