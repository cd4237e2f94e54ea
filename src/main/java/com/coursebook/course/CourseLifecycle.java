package com.coursebook.course;

import com.coursebook.security.Staff;
import com.coursebook.shared.ClinicClock;
import com.coursebook.shared.NotFoundException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Named acts on a course. Each is the course's own act ({@link Course}), which refuses an illegal change and
 * registers a {@link CourseAct}; saving the course publishes it, and listeners write the course's history and the
 * audit trail. Other modules (notes) call {@link #holdForReview} when a session reveals pain, an adverse event or a
 * worse condition.
 */
@Service
public class CourseLifecycle {

    /** The attention rule put on held sessions; check-in refuses them until the review is cleared. */
    public static final String REVIEW_HOLD = "REVIEW_HOLD";

    private final Courses courses;

    private final ClinicClock clock;

    private final BookingPolicy policy;

    private final RuleOverrides overrides;

    private final CourseRecheck recheck;

    private final SignedSessions signed;

    private final SessionLocks locks;

    CourseLifecycle(Courses courses, ClinicClock clock, BookingPolicy policy, RuleOverrides overrides,
            CourseRecheck recheck, SignedSessions signed, SessionLocks locks) {
        this.signed = signed;
        this.locks = locks;
        this.policy = policy;
        this.overrides = overrides;
        this.recheck = recheck;
        this.courses = courses;
        this.clock = clock;
    }

    /** Holds the course's future booked sessions until a clinician reviews it; they stay booked, flagged. */
    @Transactional
    public void holdForReview(Long courseId, String reason) {
        Course course = course(courseId);
        course.holdForReview(reason, clock.now());
        courses.saveAndFlush(course);
    }

    /** A clinician has reviewed the course: the hold is lifted from its future sessions. */
    @Transactional
    @PreAuthorize("hasRole('CLINICIAN')")
    public void clearReview(Long courseId, String note) {
        Course course = course(courseId);
        course.clearReview(note);
        courses.saveAndFlush(course);
    }

    @Transactional
    @PreAuthorize("hasRole('CLINICIAN')")
    public void stop(Long courseId, String reason) {
        locks.lockCourse(courseId); // a signature under way is seen, and its session is kept
        Course course = course(courseId);
        course.stop(reason, Staff.currentName(), clock.now(),
                signed.among(course.getSessions().stream().map(CourseSession::getId).toList()));
        courses.saveAndFlush(course);
    }

    @Transactional
    @PreAuthorize("hasRole('CLINICIAN')")
    public void pause(Long courseId, String reason) {
        Course course = course(courseId);
        course.pause(reason);
        courses.saveAndFlush(course);
    }

    @Transactional
    @PreAuthorize("hasRole('CLINICIAN')")
    public void resume(Long courseId) {
        Course course = course(courseId);
        course.resume();
        courses.saveAndFlush(course);
    }

    /**
     * A clinician confirms, once for the course and with a written reason, a warning recorded after booking (a
     * relative contraindication): stored like a booking's override, and the sessions it flagged are free again.
     */
    @Transactional
    @PreAuthorize("hasRole('CLINICIAN')")
    public void confirmWarning(Long courseId, String key, String reason) {
        confirm(courseId, key, reason);
    }

    /** From the chart: every warning waiting on the course confirmed with the one reason given. */
    @Transactional
    @PreAuthorize("hasRole('CLINICIAN')")
    public void confirmWaitingWarnings(Long courseId, String reason) {
        confirm(courseId, null, reason);
    }

    /** @param key the warning to confirm, or null for every one waiting */
    private void confirm(Long courseId, String key, String reason) {
        Course course = courses.findWithSessions(courseId)
                .orElseThrow(() -> new NotFoundException("error.course.notFound", String.valueOf(courseId)));
        java.util.Set<String> waiting = policy.warningsWaiting(course);
        if (key != null ? !waiting.contains(key) : waiting.isEmpty()) {
            throw new com.coursebook.shared.InvalidRequestException("key", "course.override.notWaiting");
        }
        for (String confirmed : key != null ? java.util.Set.of(key) : waiting) {
            overrides.save(new RuleOverride(course.getId(), confirmed, reason.strip(), Staff.currentName()));
            course.warningConfirmed(confirmed);
        }
        recheck.recheck(course);
        courses.saveAndFlush(course);
    }

    private Course course(Long courseId) {
        return courses.findWithSessions(courseId)
                .orElseThrow(() -> new NotFoundException("error.course.notFound", String.valueOf(courseId)));
    }
}
