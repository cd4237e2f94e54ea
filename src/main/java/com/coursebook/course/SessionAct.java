package com.coursebook.course;

import com.coursebook.audit.Audited;

/**
 * What happened to one session of a course, registered by {@link Course} (the aggregate its sessions belong to) and
 * published when the course is saved; the audit trail writes its line from it.
 */
public sealed interface SessionAct extends Audited {

    Long sessionId();

    @Override
    default String entityType() {
        return "SESSION";
    }

    @Override
    default Long entityId() {
        return sessionId();
    }

    /** Moved, alone or with the ones after it. */
    record Moved(Long sessionId, Long patientId, String details) implements SessionAct {

        @Override
        public String action() {
            return "MOVE";
        }
    }

    record Cancelled(Long sessionId, Long patientId, SessionStatus cancellation) implements SessionAct {

        @Override
        public String action() {
            return "CANCEL";
        }

        @Override
        public String details() {
            return cancellation.name();
        }
    }

    /** A replacement for a missed or cancelled session. Holds the session: its id exists once it is stored. */
    record Rebooked(CourseSession session, String details) implements SessionAct {

        @Override
        public Long sessionId() {
            return session.getId();
        }

        @Override
        public Long patientId() {
            return session.getPatientId();
        }

        @Override
        public String action() {
            return "REBOOK";
        }
    }

    record CheckedIn(Long sessionId, Long patientId) implements SessionAct {

        @Override
        public String action() {
            return "CHECK_IN";
        }
    }

    /** Attended or no-show. */
    record AttendanceRecorded(Long sessionId, Long patientId, SessionStatus outcome) implements SessionAct {

        @Override
        public String action() {
            return outcome.name();
        }
    }

    /** A rule, leave or a closure now stands against the booked session; it needs a person to look at it. */
    record Flagged(Long sessionId, Long patientId, String details) implements SessionAct {

        @Override
        public String action() {
            return "FLAG";
        }
    }

    record Unflagged(Long sessionId, Long patientId) implements SessionAct {

        @Override
        public String action() {
            return "UNFLAG";
        }
    }
}
