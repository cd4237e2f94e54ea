package com.coursebook.course;

import java.time.Instant;

import com.coursebook.audit.AuditTrail;
import com.coursebook.security.Staff;
import com.coursebook.shared.ClinicClock;
import com.coursebook.shared.NotFoundException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Named acts on a course, each recorded as a course event with who and when, and in the audit trail.
 * Other modules (notes) call {@link #holdForReview} when a session reveals pain, an adverse event or a
 * worse condition.
 */
@Service
public class CourseLifecycle {

    /** The attention rule put on held sessions; check-in refuses them until the review is cleared. */
    public static final String REVIEW_HOLD = "REVIEW_HOLD";

    private final Courses courses;

    private final CourseEvents events;

    private final ClinicClock clock;

    private final AuditTrail audit;

    /** Consecutive no-shows after which a course counts as abandoned (clinic configuration). */
    private final int abandonAfterNoShows;

    CourseLifecycle(Courses courses, CourseEvents events, ClinicClock clock, AuditTrail audit,
            CourseSettings settings) {
        if (settings.abandonAfterNoShows() < 1) {
            throw new IllegalStateException("coursebook.courses.abandon-after-no-shows must be at least 1");
        }
        this.abandonAfterNoShows = settings.abandonAfterNoShows();
        this.courses = courses;
        this.events = events;
        this.clock = clock;
        this.audit = audit;
    }

    /** Holds the course's future booked sessions until a clinician reviews it; they stay booked, flagged. */
    @Transactional
    public void holdForReview(Long courseId, String reason) {
        Course course = course(courseId);
        course.holdForReview(reason);
        Instant now = clock.now();
        course.getSessions().stream()
                .filter(s -> s.getStatus() == SessionStatus.BOOKED && s.getStartsAt().isAfter(now))
                .forEach(s -> s.flagForAttention(REVIEW_HOLD, null));
        record(course, "HOLD_FOR_REVIEW", reason);
    }

    /** A clinician has reviewed the course: the hold is lifted from its future sessions. */
    @Transactional
    @PreAuthorize("hasRole('CLINICIAN')")
    public void clearReview(Long courseId, String note) {
        Course course = course(courseId);
        course.clearReview();
        course.getSessions().stream().filter(s -> REVIEW_HOLD.equals(s.getAttentionRule()))
                .forEach(CourseSession::clearAttention);
        record(course, "REVIEWED", note);
    }

    @Transactional
    @PreAuthorize("hasRole('CLINICIAN')")
    public void stop(Long courseId, String reason) {
        Course course = course(courseId);
        course.stop(reason);
        Instant now = clock.now();
        // The remaining sessions are released so their slots are free again; attended ones stay as they were.
        course.getSessions().stream().filter(s -> s.getStatus() == SessionStatus.BOOKED)
                .forEach(s -> s.cancel(SessionStatus.CANCELLED_BY_CLINIC, Staff.currentName(), now));
        record(course, "STOPPED", reason);
    }

    @Transactional
    @PreAuthorize("hasRole('CLINICIAN')")
    public void pause(Long courseId, String reason) {
        Course course = course(courseId);
        course.pause(reason);
        record(course, "PAUSED", reason);
    }

    @Transactional
    @PreAuthorize("hasRole('CLINICIAN')")
    public void resume(Long courseId) {
        Course course = course(courseId);
        course.resume();
        record(course, "RESUMED", null);
    }

    /** Called after every attendance change: starts, completes or abandons the course as its sessions say. */
    @Transactional
    public void afterAttendance(Course course) {
        String act = course.afterAttendance(abandonAfterNoShows);
        if (act != null) {
            if ("ABANDONED".equals(act)) {
                Instant now = clock.now();
                course.getSessions().stream().filter(s -> s.getStatus() == SessionStatus.BOOKED)
                        .forEach(s -> s.cancel(SessionStatus.CANCELLED_BY_CLINIC, "system", now));
            }
            record(course, act, course.getStatusReason());
        }
    }

    void record(Course course, String act, String reason) {
        courses.flush();
        events.save(new CourseEvent(course.getId(), act, reason, Staff.currentName(), clock.now()));
        audit.record(act, "COURSE", course.getId(), course.getPatientId(), reason);
    }

    private Course course(Long courseId) {
        return courses.findWithSessions(courseId)
                .orElseThrow(() -> new NotFoundException("error.course.notFound", String.valueOf(courseId)));
    }
}
