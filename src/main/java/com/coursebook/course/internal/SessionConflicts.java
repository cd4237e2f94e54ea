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

    public record Conflict(Instant startsAt, Instant endsAt, String whose) {
    }

    /** As above, ignoring the given sessions (those being moved: their old slots do not count). */
    public Optional<Conflict> firstConflict(Long practitionerId, Long patientId, List<TimeSlot> slots,
            List<Long> ignoredSessionIds) {
        StringBuilder overlaps = new StringBuilder();
        List<Object> parameters = new ArrayList<>(List.of(practitionerId, practitionerId, patientId));
        for (TimeSlot slot : slots) {
            overlaps.append(overlaps.isEmpty() ? "" : " OR ").append("(s.starts_at < ? AND s.ends_at > ?)");
            parameters.add(Timestamp.from(slot.endsAt()));
            parameters.add(Timestamp.from(slot.startsAt()));
        }
        return jdbc.sql("SELECT s.starts_at, s.ends_at, CASE WHEN s.practitioner_id = ? THEN 'PRACTITIONER' "
                + "ELSE 'PATIENT' END AS whose FROM course_session s WHERE s.status NOT LIKE 'CANCELLED%' "
                + "AND (s.practitioner_id = ? OR s.patient_id = ?) AND (" + overlaps + ")"
                + (ignoredSessionIds.isEmpty() ? "" : " AND s.id <> ALL (?)")
                + " ORDER BY s.starts_at LIMIT 1")
                .params(withIgnored(parameters, ignoredSessionIds))
                .query((rs, row) -> new Conflict(rs.getTimestamp("starts_at").toInstant(),
                        rs.getTimestamp("ends_at").toInstant(), rs.getString("whose")))
                .optional();
    }
}
