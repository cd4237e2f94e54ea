package com.coursebook.course;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.coursebook.course.internal.SessionOverlaps;
import com.coursebook.security.Staff;
import com.coursebook.shared.ClinicClock;
import com.coursebook.shared.ConflictException;
import com.coursebook.shared.InvalidRequestException;
import com.coursebook.shared.NotFoundException;
import com.coursebook.shared.TimeSlot;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moving, cancelling, replacing and checking in booked sessions. Every act that places a session asks the
 * {@link BookingPolicy}; "this and all later" shifts the rest of the course by the same amount, so the cadence
 * is kept, and is judged with all its sessions in their final places.
 */
@Service
public class SessionService {

    /** Cancelling closer to the session than this counts as late (it is reported in the review). */
    static final Duration LATE_CANCELLATION = Duration.ofHours(24);

    private final Courses courses;

    private final ClinicClock clock;

    private final BookingPolicy policy;

    private final CourseSettings settings;

    private final SessionOverlaps overlaps;

    private final SignedSessions signed;

    private final SessionLocks locks;

    SessionService(Courses courses, ClinicClock clock, BookingPolicy policy, CourseSettings settings,
            SessionOverlaps overlaps, SignedSessions signed, SessionLocks locks) {
        this.signed = signed;
        this.locks = locks;
        this.overlaps = overlaps;
        this.courses = courses;
        this.clock = clock;
        this.policy = policy;
        this.settings = settings;
    }

    @Transactional
    public Course move(Long sessionId, LocalDateTime newStart, boolean andLater) {
        Course course = courseOfSession(sessionId);
        CourseSession target = session(course, sessionId);
        Instant start = clock.toInstant(newStart);
        if (!start.isAfter(clock.now())) {
            throw new InvalidRequestException("startsAt", "session.move.past");
        }
        // Shift by calendar days and time of day in the clinic's zone, so a DST change keeps wall-clock times.
        Duration shift = Duration.between(clock.toLocal(target.getStartsAt()), newStart);
        Map<CourseSession, TimeSlot> moved = new LinkedHashMap<>();
        course.getSessions().stream()
                // "Later" in time: a replacement session may carry a higher number yet fall earlier.
                .filter(s -> s == target || (andLater && s.getStartsAt().isAfter(target.getStartsAt())
                        && s.getStatus() == SessionStatus.BOOKED))
                .forEach(s -> {
                    Instant movedStart = clock.toInstant(clock.toLocal(s.getStartsAt()).plus(shift));
                    moved.put(s, new TimeSlot(movedStart,
                            movedStart.plus(Duration.between(s.getStartsAt(), s.getEndsAt()))));
                });
        requireNoSignedNote(moved.keySet(), "session.signedNote.move");
        course.move(policy.changeOf(course, moved, List.of()), "to " + newStart
                + (andLater ? " with " + (moved.size() - 1) + " later" : "") + "; shift "
                + Duration.between(target.getStartsAt(), start));
        // the moved sessions are checked for overlaps where they end up, together (a postponed course takes its own places)
        return overlaps.judgedTogether(() -> courses.saveAndFlush(course));
    }

    @Transactional
    public Course cancel(Long sessionId, boolean byClinic) {
        Course course = courseOfSession(sessionId);
        CourseSession session = session(course, sessionId);
        SessionStatus cancellation = byClinic ? SessionStatus.CANCELLED_BY_CLINIC
                : Duration.between(clock.now(), session.getStartsAt()).compareTo(LATE_CANCELLATION) < 0
                        ? SessionStatus.CANCELLED_LATE : SessionStatus.CANCELLED_EARLY;
        requireNoSignedNote(List.of(session), "session.signedNote.cancel");
        course.cancel(session, cancellation, Staff.currentName(), clock.now());
        return courses.saveAndFlush(course);
    }

    /** Books a replacement for a missed or cancelled session, decided like any booking. Reception may do this. */
    @Transactional
    public Course fillGap(Long courseId, LocalDateTime start) {
        Course course = courses.findWithSessions(courseId)
                .orElseThrow(() -> new NotFoundException("error.course.notFound", String.valueOf(courseId)));
        if (course.gap() == 0) {
            throw new ConflictException("course.noGap", courseId);
        }
        Instant begin = clock.toInstant(start);
        if (!begin.isAfter(clock.now())) {
            throw new InvalidRequestException("startsAt", "session.move.past");
        }
        TimeSlot slot = TimeSlot.of(begin, course.getProgram().getSlotMinutes());
        course.fillGap(policy.changeOf(course, Map.of(), List.of(slot)));
        return courses.saveAndFlush(course);
    }

    /** The patient has arrived: checked in only if the policy finds nothing against today's session. */
    @Transactional
    public Course checkIn(Long sessionId) {
        Course course = courseOfSession(sessionId);
        CourseSession session = session(course, sessionId);
        course.checkIn(session, clearForToday(course, session), Staff.currentName(), clock.now());
        return courses.saveAndFlush(course);
    }

    /** Attended or no-show; the course's state follows (started, completed, abandoned after no-shows). */
    @Transactional
    public Course recordAttendance(Long sessionId, SessionStatus outcome) {
        Course course = courseOfSession(sessionId);
        CourseSession session = session(course, sessionId);
        if (outcome != SessionStatus.ATTENDED && outcome != SessionStatus.NO_SHOW) {
            throw new InvalidRequestException("outcome", "session.attendance.outcome");
        }
        if (outcome == SessionStatus.NO_SHOW) {
            requireNoSignedNote(List.of(session), "session.signedNote.noShow"); // the note says the patient came
        }
        if (outcome == SessionStatus.ATTENDED && session.getStatus() == SessionStatus.BOOKED) {
            clearForToday(course, session).orElseThrow(); // no massage without passing check-in's rules
        }
        course.recordAttendance(session, outcome, Staff.currentName(), clock.now(), settings.abandonAfterNoShows(),
                signedAmong(course));
        return courses.saveAndFlush(course);
    }

    /** Today's session of a running course, as the policy sees it for check-in. */
    private Decision clearForToday(Course course, CourseSession session) {
        if (!clock.toDate(session.getStartsAt()).equals(clock.today())) {
            throw new ConflictException("session.checkIn.notToday", session.getSeqNo());
        }
        if (course.getStatus() != CourseStatus.PLANNED && course.getStatus() != CourseStatus.ACTIVE) {
            throw new ConflictException("session.course.notRunning", course.getStatus());
        }
        return policy.checkIn(course, session);
    }

    /** A signed note records what happened at the session's time and place: that session stays where it is. */
    private void requireNoSignedNote(java.util.Collection<CourseSession> changed, String messageCode) {
        java.util.Set<Long> withSignedNote = signed.among(changed.stream().map(CourseSession::getId).toList());
        changed.stream().filter(s -> withSignedNote.contains(s.getId())).findFirst().ifPresent(s -> {
            throw new ConflictException(messageCode, s.getSeqNo());
        });
    }

    /**
     * The session's course, read after its sessions are locked: a signature of one of its notes under way has
     * committed by then, so {@link #requireNoSignedNote} sees it (and the other way round, see NoteService).
     */
    /** The course's sessions that carry a signed note. */
    private java.util.Set<Long> signedAmong(Course course) {
        return signed.among(course.getSessions().stream().map(CourseSession::getId).toList());
    }

    private Course courseOfSession(Long sessionId) {
        locks.lockCourseOf(sessionId);
        return courses.findBySessionId(sessionId)
                .orElseThrow(() -> new NotFoundException("error.session.notFound", String.valueOf(sessionId)));
    }

    private static CourseSession session(Course course, Long sessionId) {
        return course.getSessions().stream().filter(s -> s.getId().equals(sessionId)).findFirst().orElseThrow();
    }
}
