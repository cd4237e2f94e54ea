package com.coursebook.course.internal;

import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes that move several sessions at once are judged by the overlap constraints on the final positions, not on
 * each row's update: a course postponed by one interval puts session 1 where session 2 was, and only after every
 * row has moved is there nothing overlapping. The constraints are DEFERRABLE INITIALLY IMMEDIATE (V11); here they
 * are deferred for the write and set back to IMMEDIATE right after it, which checks them at once, so a real overlap
 * still fails inside the act (SQLSTATE 23P01), not at commit.
 */
@Component
public class SessionOverlaps {

    private static final String CONSTRAINTS = "course_session_practitioner_overlap, course_session_patient_overlap, "
            + "course_session_room_overlap";

    private final JdbcClient jdbc;

    SessionOverlaps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs the write (which must flush) with the overlap constraints checked once, after it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public <T> T judgedTogether(Supplier<T> write) {
        jdbc.sql("SET CONSTRAINTS " + CONSTRAINTS + " DEFERRED").update();
        T written = write.get();
        jdbc.sql("SET CONSTRAINTS " + CONSTRAINTS + " IMMEDIATE").update();
        return written;
    }
}
