package com.coursebook.course.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import com.coursebook.scheduling.BookedTime;
import com.coursebook.shared.TimeSlot;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Scheduling's view of booked time, read from the sessions this module owns, with the overlap constraint's condition. */
@Component
class SessionsBookedTime implements BookedTime {

    private final JdbcClient jdbc;

    SessionsBookedTime(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<TimeSlot> of(Long practitionerId, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT starts_at, ends_at FROM course_session
                WHERE practitioner_id = ? AND starts_at < ? AND ends_at > ? AND status NOT LIKE 'CANCELLED%'
                ORDER BY starts_at""")
                .params(practitionerId, Timestamp.from(to), Timestamp.from(from))
                .query((rs, row) -> new TimeSlot(rs.getTimestamp("starts_at").toInstant(),
                        rs.getTimestamp("ends_at").toInstant()))
                .list();
    }
}
