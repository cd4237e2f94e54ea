package com.coursebook.course;

import com.coursebook.audit.Audited;

/**
 * What happened to a course, registered by {@link Course} as it happens and published when the course is saved.
 * Listeners write the course's history (course_event: who and when, which the review measures) and the audit trail;
 * other modules (reminders, next) can follow a course without its services calling them.
 */
public sealed interface CourseAct extends Audited {

    Long courseId();

    /** The act as the course's history and the audit trail name it (the review's SQL reads these names). */
    String act();

    /** Whether the act goes into the course's history (every act goes into the audit trail). */
    default boolean historic() {
        return true;
    }

    @Override
    default String action() {
        return act();
    }

    @Override
    default String entityType() {
        return "COURSE";
    }

    @Override
    default Long entityId() {
        return courseId();
    }

    /** A course booked with all its sessions. Holds the course: its id exists only once it is stored. */
    record Booked(Course course) implements CourseAct {

        @Override
        public Long courseId() {
            return course.getId();
        }

        @Override
        public Long patientId() {
            return course.getPatientId();
        }

        @Override
        public String act() {
            return "CREATE";
        }

        @Override
        public boolean historic() {
            return false;
        }

        @Override
        public String details() {
            return course.getProgram().getCode() + " x" + course.getPrescribedSessions();
        }
    }

    /** A clinician confirmed a warning for the course, with a written reason (kept whole in rule_override). */
    record WarningConfirmed(Long courseId, Long patientId, String overrideKey) implements CourseAct {

        @Override
        public String act() {
            return "OVERRIDE";
        }

        @Override
        public boolean historic() {
            return false;
        }

        @Override
        public String details() {
            return overrideKey;
        }
    }

    record Started(Long courseId, Long patientId) implements CourseAct {

        @Override
        public String act() {
            return "STARTED";
        }
    }

    record Completed(Long courseId, Long patientId) implements CourseAct {

        @Override
        public String act() {
            return "COMPLETED";
        }
    }

    /**
     * Given up after a run of no-shows; its remaining sessions were released.
     *
     * @param reason how many no-shows, stored as a message code with its value (said in each reader's language)
     */
    record Abandoned(Long courseId, Long patientId, String reason) implements CourseAct {

        @Override
        public String act() {
            return "ABANDONED";
        }

        @Override
        public String details() {
            return reason;
        }
    }

    /** Ended early by a clinician; its remaining sessions were released. */
    record Stopped(Long courseId, Long patientId, String reason) implements CourseAct {

        @Override
        public String act() {
            return "STOPPED";
        }

        @Override
        public String details() {
            return reason;
        }
    }

    record Paused(Long courseId, Long patientId, String reason) implements CourseAct {

        @Override
        public String act() {
            return "PAUSED";
        }

        @Override
        public String details() {
            return reason;
        }
    }

    record Resumed(Long courseId, Long patientId) implements CourseAct {

        @Override
        public String act() {
            return "RESUMED";
        }
    }

    /** More or fewer sessions prescribed. */
    record Resized(Long courseId, Long patientId, int from, int to) implements CourseAct {

        @Override
        public String act() {
            return to > from ? "EXTENDED" : "SHORTENED";
        }

        @Override
        public String details() {
            return from + " -> " + to;
        }
    }

    /** Held until a clinician reviews it (pain, an adverse event, a worse condition). */
    record HeldForReview(Long courseId, Long patientId, String reason) implements CourseAct {

        @Override
        public String act() {
            return "HOLD_FOR_REVIEW";
        }

        @Override
        public String details() {
            return reason;
        }
    }

    record Reviewed(Long courseId, Long patientId, String note) implements CourseAct {

        @Override
        public String act() {
            return "REVIEWED";
        }

        @Override
        public String details() {
            return note;
        }
    }

    /** A re-check found a clinical rule against a booked session; the course waits from here. */
    record Blocked(Long courseId, Long patientId, String rules) implements CourseAct {

        @Override
        public String act() {
            return "BLOCKED";
        }

        @Override
        public String details() {
            return rules;
        }
    }

    /** The last clinical flag on its booked sessions was lifted. */
    record Unblocked(Long courseId, Long patientId) implements CourseAct {

        @Override
        public String act() {
            return "UNBLOCKED";
        }
    }
}
