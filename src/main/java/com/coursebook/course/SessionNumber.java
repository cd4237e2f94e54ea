package com.coursebook.course;

import java.util.Collection;

/**
 * Which session of the prescription a session is, as screens say it ("3/10"): one more than the sessions before it
 * that count toward the course (booked, checked in, attended). Cancelled and missed sessions do not use up a
 * number, so a replacement takes the number of the one it replaces and no session is "13/10". {@code seq_no} is
 * only the order of booking.
 */
final class SessionNumber {

    private static final Collection<SessionStatus> COUNTED = java.util.EnumSet.of(SessionStatus.BOOKED,
            SessionStatus.CHECKED_IN, SessionStatus.ATTENDED);

    /** The same in SQL, for a query whose session is {@code s}. */
    static final String SQL = "(1 + (SELECT count(*) FROM course_session o WHERE o.course_id = s.course_id "
            + "AND o.status IN ('BOOKED', 'CHECKED_IN', 'ATTENDED') AND o.starts_at < s.starts_at))";

    private SessionNumber() {
    }

    static int of(CourseSession session, Collection<CourseSession> course) {
        return 1 + (int) course.stream()
                .filter(o -> COUNTED.contains(o.getStatus()) && o.getStartsAt().isBefore(session.getStartsAt()))
                .count();
    }
}
