package com.coursebook.course;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Acts that must not interleave on a course's sessions (signing a note; moving, cancelling or recording attendance)
 * lock every session of the course first, in id order, before they read anything: the second act waits for the
 * first to commit, then reads what it left, and refuses in words. One order for all, so they never deadlock one
 * another. The database's triggers (V18) refuse the same things if an act ever forgets to lock.
 */
@Component
public class SessionLocks {

    private final JdbcClient jdbc;

    SessionLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the sessions of the course that {@code sessionId} belongs to; an unknown session locks nothing. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockCourseOf(Long sessionId) {
        lock("(SELECT course_id FROM course_session WHERE id = ?)", sessionId);
    }

    /** Locks the sessions of the course (stopping it releases them). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockCourse(Long courseId) {
        lock("?", courseId);
    }

    private void lock(String course, Long id) {
        // NO KEY UPDATE, not UPDATE: inserting a note or a replacement session that refers to these rows still goes on
        jdbc.sql("SELECT id FROM course_session WHERE course_id = " + course + " ORDER BY id FOR NO KEY UPDATE")
                .param(id).query(Long.class).list();
    }
}
