package com.coursebook.course;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.coursebook.audit.AuditTrail;
import com.coursebook.catalog.TreatmentProgram;
import com.coursebook.patient.Patients;
import com.coursebook.rules.Evaluation;
import com.coursebook.rules.Facts;
import com.coursebook.rules.Finding;
import com.coursebook.rules.FindingRenderer;
import com.coursebook.rules.RuleEngine;
import com.coursebook.rules.RuleFacts;
import com.coursebook.rules.Stage;
import com.coursebook.scheduling.Practitioner;
import com.coursebook.scheduling.Practitioners;
import com.coursebook.security.Staff;
import com.coursebook.shared.ClinicClock;
import com.coursebook.shared.InvalidRequestException;
import com.coursebook.shared.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moving and cancelling booked sessions. A move re-runs the rules for the new dates (with the course's
 * confirmed warnings still confirmed) and the database's overlap constraints; "this and all later" shifts
 * the rest of the course by the same amount, so the cadence is kept.
 */
@Service
public class SessionService {

    /** Cancelling closer to the session than this counts as late (it is reported in the review). */
    static final Duration LATE_CANCELLATION = Duration.ofHours(24);

    private final Courses courses;

    private final Patients patients;

    private final Practitioners practitioners;

    private final RuleFacts facts;

    private final RuleEngine engine;

    private final RuleOverrides overrides;

    private final SessionConflicts conflicts;

    private final FindingRenderer renderer;

    private final ClinicClock clock;

    private final AuditTrail audit;

    private final RoomAssignment roomAssignment;

    private final CourseLifecycle lifecycle;

    private final com.coursebook.scheduling.Availability availability;

    SessionService(Courses courses, Patients patients, Practitioners practitioners, RuleFacts facts, RuleEngine engine,
            RuleOverrides overrides, SessionConflicts conflicts, FindingRenderer renderer, ClinicClock clock,
            AuditTrail audit, RoomAssignment roomAssignment, CourseLifecycle lifecycle,
            com.coursebook.scheduling.Availability availability) {
        this.availability = availability;
        this.roomAssignment = roomAssignment;
        this.lifecycle = lifecycle;
        this.courses = courses;
        this.patients = patients;
        this.practitioners = practitioners;
        this.facts = facts;
        this.engine = engine;
        this.overrides = overrides;
        this.conflicts = conflicts;
        this.renderer = renderer;
        this.clock = clock;
        this.audit = audit;
    }

    @Transactional
    public Course move(Long sessionId, LocalDateTime newStart, boolean andLater, Locale locale) {
        Course course = courseOfSession(sessionId);
        CourseSession target = session(course, sessionId);
        Instant start = clock.toInstant(newStart);
        if (!start.isAfter(clock.now())) {
            throw new InvalidRequestException("startsAt", "session.move.past");
        }
        Duration shift = Duration.between(target.getStartsAt(), start);
        List<CourseSession> moving = course.getSessions().stream()
                // "Later" in time: a replacement session may carry a higher number yet fall earlier.
                .filter(s -> s == target || (andLater && s.getStartsAt().isAfter(target.getStartsAt())
                        && s.getStatus() == SessionStatus.BOOKED))
                .toList();
        List<Instant[]> newSlots = new ArrayList<>();
        for (CourseSession s : moving) {
            // Shift by calendar days and time of day in the clinic's zone, so a DST change keeps wall-clock times.
            LocalDateTime moved = clock.toLocal(s.getStartsAt()).plus(localShift(target, newStart));
            Instant movedStart = clock.toInstant(moved);
            newSlots.add(new Instant[] { movedStart, movedStart.plus(Duration.between(s.getStartsAt(), s.getEndsAt())) });
        }
        checkRules(course, moving, newSlots, locale);
        requireWorkingTime(course, newSlots, locale);
        conflicts.firstConflict(course.getPractitionerId(), course.getPatientId(), newSlots,
                moving.stream().map(CourseSession::getId).toList()).ifPresent(c -> {
                    throw new SlotTakenException(clock.toLocal(c.startsAt()), clock.toLocal(c.endsAt()), c.whose());
                });
        List<Long> movingIds = moving.stream().map(CourseSession::getId).toList();
        Practitioner practitioner = practitioners.findById(course.getPractitionerId()).orElseThrow();
        List<Long> rooms = roomAssignment.assign(course.getProgram().getRoomType(),
                practitioner.getLocation() == null ? null : practitioner.getLocation().getId(), newSlots, movingIds);
        for (int i = 0; i < moving.size(); i++) {
            moving.get(i).moveTo(newSlots.get(i)[0], newSlots.get(i)[1], rooms.get(i));
        }
        courses.flush();
        audit.record("MOVE", "SESSION", sessionId, course.getPatientId(),
                "to " + newStart + (andLater ? " with " + (moving.size() - 1) + " later" : "") + "; shift " + shift);
        return course;
    }

    @Transactional
    public Course cancel(Long sessionId, boolean byClinic) {
        Course course = courseOfSession(sessionId);
        CourseSession session = session(course, sessionId);
        SessionStatus cancellation = byClinic ? SessionStatus.CANCELLED_BY_CLINIC
                : Duration.between(clock.now(), session.getStartsAt()).compareTo(LATE_CANCELLATION) < 0
                        ? SessionStatus.CANCELLED_LATE : SessionStatus.CANCELLED_EARLY;
        session.cancel(cancellation, Staff.currentName(), clock.now());
        courses.flush();
        audit.record("CANCEL", "SESSION", sessionId, course.getPatientId(), cancellation.name());
        return course;
    }

    /** The move as the clinic sees it: whole days plus a change of time of day. */
    private java.time.temporal.TemporalAmount localShift(CourseSession target, LocalDateTime newStart) {
        LocalDateTime old = clock.toLocal(target.getStartsAt());
        return Duration.between(old, newStart);
    }

    /** Books a replacement for a missed or cancelled session, checked like any booking. Reception may do this. */
    @Transactional
    public Course fillGap(Long courseId, LocalDateTime start, Locale locale) {
        Course course = courses.findWithSessions(courseId)
                .orElseThrow(() -> new NotFoundException("error.course.notFound", String.valueOf(courseId)));
        if (course.gap() == 0) {
            throw new com.coursebook.shared.ConflictException("course.noGap", courseId);
        }
        Instant begin = clock.toInstant(start);
        if (!begin.isAfter(clock.now())) {
            throw new InvalidRequestException("startsAt", "session.move.past");
        }
        Instant[] slot = { begin, begin.plusSeconds(60L * course.getProgram().getSlotMinutes()) };
        // Judge the course with the new session as if it were moved into place: same rules as a move.
        CourseSession probe = new CourseSession(course, Integer.MAX_VALUE, slot[0], slot[1], null);
        checkRules(course, List.of(probe), List.<Instant[]>of(slot), locale, List.of(probe));
        requireWorkingTime(course, List.<Instant[]>of(slot), locale);
        conflicts.firstConflict(course.getPractitionerId(), course.getPatientId(), List.<Instant[]>of(slot)).ifPresent(c -> {
            throw new SlotTakenException(clock.toLocal(c.startsAt()), clock.toLocal(c.endsAt()), c.whose());
        });
        Practitioner practitioner = practitioners.findById(course.getPractitionerId()).orElseThrow();
        Long room = roomAssignment.assign(course.getProgram().getRoomType(),
                practitioner.getLocation() == null ? null : practitioner.getLocation().getId(), List.<Instant[]>of(slot),
                List.of()).get(0);
        CourseSession added = course.fillGap(slot[0], slot[1], room);
        courses.flush();
        audit.record("REBOOK", "SESSION", added.getId(), course.getPatientId(), "at " + start);
        return course;
    }

    /**
     * The patient has arrived: the rules are run again for today (a fever recorded this morning stops the
     * session; a missing examination is a hard stop now), and a course held for review stays held.
     */
    @Transactional
    public Course checkIn(Long sessionId, Locale locale) {
        Course course = courseOfSession(sessionId);
        CourseSession session = session(course, sessionId);
        requireClearForToday(course, session, locale);
        session.checkIn(Staff.currentName(), clock.now());
        courses.flush();
        audit.record("CHECK_IN", "SESSION", sessionId, course.getPatientId(), null);
        return course;
    }

    /** Attended or no-show; the course's state follows (started, completed, abandoned after no-shows). */
    @Transactional
    public Course recordAttendance(Long sessionId, SessionStatus outcome, Locale locale) {
        Course course = courseOfSession(sessionId);
        CourseSession session = session(course, sessionId);
        switch (outcome) {
            case ATTENDED -> {
                if (session.getStatus() == SessionStatus.BOOKED) {
                    requireClearForToday(course, session, locale); // no massage without passing check-in's rules
                }
                session.markAttended(Staff.currentName(), clock.now());
            }
            case NO_SHOW -> session.markNoShow(Staff.currentName(), clock.now());
            default -> throw new InvalidRequestException("outcome", "session.attendance.outcome");
        }
        courses.flush();
        audit.record(outcome.name(), "SESSION", sessionId, course.getPatientId(), null);
        lifecycle.afterAttendance(course);
        return course;
    }

    /** The engine saw one date as "session 1"; say which session of the course it really is. */
    private static Finding renumbered(Finding f, int seqNo) {
        if (f.session() == null) {
            return f;
        }
        Object[] arguments = f.message().arguments().clone();
        if (arguments.length > 0 && Integer.valueOf(1).equals(arguments[0])) {
            arguments[0] = seqNo;
        }
        return new Finding(f.rule(), f.severity(), seqNo, f.date(),
                new com.coursebook.rules.Text(f.message().code(), arguments), f.detail(), f.clearsOn(), f.conditionCode());
    }

    private void requireClearForToday(Course course, CourseSession session, Locale locale) {
        if (!clock.toDate(session.getStartsAt()).equals(clock.today())) {
            throw new com.coursebook.shared.ConflictException("session.checkIn.notToday", session.getSeqNo());
        }
        List<Finding> stops = new ArrayList<>();
        if (course.isNeedsReview()) {
            stops.add(new Finding(CourseLifecycle.REVIEW_HOLD, com.coursebook.rules.FindingSeverity.BLOCK,
                    session.getSeqNo(), clock.toDate(session.getStartsAt()), new com.coursebook.rules.Text("finding.reviewHold"),
                    null, null, null));
        }
        if (course.getStatus() == CourseStatus.PAUSED || course.getStatus() == CourseStatus.STOPPED
                || course.getStatus() == CourseStatus.ABANDONED || course.getStatus() == CourseStatus.COMPLETED) {
            throw new com.coursebook.shared.ConflictException("session.course.notRunning", course.getStatus());
        }
        LocalDate day = clock.toDate(session.getStartsAt());
        Practitioner practitioner = practitioners.findWithPrograms(course.getPractitionerId()).orElseThrow();
        Evaluation evaluation;
        try {
            evaluation = engine.evaluate(facts.proposal(patients.findById(course.getPatientId()).orElseThrow(),
                    course.getProgram(), practitioner, List.of(day), clock.toDate(course.firstSessionStart()),
                    Stage.CHECK_IN));
        }
        catch (RuntimeException ex) {
            evaluation = RuleEngine.refusal();
        }
        Set<String> confirmed = overrides.findByCourseIdOrderById(course.getId()).stream()
                .map(RuleOverride::getFinding).collect(Collectors.toSet());
        evaluation.findings().stream()
                .filter(f -> f.blocks() || (f.warns() && !confirmed.contains(f.overrideKey())))
                .map(f -> renumbered(f, session.getSeqNo()))
                .forEach(stops::add);
        if (!stops.isEmpty()) {
            boolean clinician = Staff.currentIsClinician();
            throw new BookingRefusedException(new CourseCheck(false, course.getPatientId(),
                    course.getProgram().getCode(), course.getPractitionerId(), course.getCadenceDays(), List.of(),
                    renderer.render(stops, locale, clinician), List.of(), null, Set.of()));
        }
    }

    private void requireWorkingTime(Course course, List<Instant[]> slots, Locale locale) {
        var workingTime = availability.workingTime(course.getPractitionerId());
        for (Instant[] slot : slots) {
            LocalDateTime start = clock.toLocal(slot[0]);
            if (!workingTime.test(start, clock.toLocal(slot[1]))) {
                Practitioner practitioner = practitioners.findById(course.getPractitionerId()).orElseThrow();
                Finding outside = new Finding(CourseBooking.WORKING_HOURS, com.coursebook.rules.FindingSeverity.BLOCK,
                        null, start.toLocalDate(), new com.coursebook.rules.Text("finding.workingHours", "",
                                start.toLocalDate(), start.toLocalTime().toString(), practitioner.getFullName()),
                        null, null, null);
                throw new BookingRefusedException(new CourseCheck(false, course.getPatientId(),
                        course.getProgram().getCode(), course.getPractitionerId(), course.getCadenceDays(), List.of(),
                        renderer.render(List.of(outside), locale, Staff.currentIsClinician()), List.of(), null,
                        Set.of()));
            }
        }
    }

    /** The course as it would be after the move, judged by the rules; a block refuses the move. */
    private void checkRules(Course course, List<CourseSession> moving, List<Instant[]> newSlots, Locale locale) {
        checkRules(course, moving, newSlots, locale, List.of());
    }

    /** As above; {@code extra} are sessions not (yet) part of the course, judged with it. */
    private void checkRules(Course course, List<CourseSession> moving, List<Instant[]> newSlots, Locale locale,
            List<CourseSession> extra) {
        record Dated(LocalDate date, boolean moved) {
        }
        List<Dated> after = java.util.stream.Stream.concat(course.getSessions().stream(), extra.stream())
                .filter(s -> !s.getStatus().isCancelled() && s.getStatus() != SessionStatus.NO_SHOW)
                .map(s -> {
                    int index = moving.indexOf(s);
                    return new Dated(clock.toDate(index < 0 ? s.getStartsAt() : newSlots.get(index)[0]), index >= 0);
                })
                .sorted(java.util.Comparator.comparing(Dated::date))
                .toList();
        List<LocalDate> dates = after.stream().map(Dated::date).toList();
        List<Integer> movedNumbers = new ArrayList<>(); // positions (1-based) of the moved sessions, as the rules number them
        for (int i = 0; i < after.size(); i++) {
            if (after.get(i).moved()) {
                movedNumbers.add(i + 1);
            }
        }
        TreatmentProgram program = course.getProgram();
        Practitioner practitioner = practitioners.findWithPrograms(course.getPractitionerId()).orElseThrow();
        Evaluation evaluation;
        try {
            evaluation = engine.evaluate(facts.proposal(patients.findById(course.getPatientId()).orElseThrow(),
                    program, practitioner, dates, dates.isEmpty() ? null : dates.get(0), Stage.BOOKING));
        }
        catch (RuntimeException ex) {
            evaluation = RuleEngine.refusal();
        }
        Set<String> confirmed = overrides.findByCourseIdOrderById(course.getId()).stream()
                .map(RuleOverride::getFinding).collect(Collectors.toSet());
        // Only what concerns the moved sessions (or the whole course) can refuse the move.
        List<Finding> relevant = evaluation.findings().stream()
                .filter(f -> f.session() == null || movedNumbers.contains(f.session()))
                .filter(f -> f.blocks() || (f.warns() && !confirmed.contains(f.overrideKey())))
                .filter(f -> !"COURSE_LENGTH".equals(f.rule()))
                .toList();
        if (!relevant.isEmpty()) {
            boolean clinician = Staff.currentIsClinician();
            throw new BookingRefusedException(new CourseCheck(false, course.getPatientId(), program.getCode(),
                    course.getPractitionerId(), course.getCadenceDays(), List.of(),
                    renderer.render(relevant, locale, clinician), List.of(), null,
                    clinician ? relevant.stream().filter(Finding::warns).map(Finding::overrideKey)
                            .collect(Collectors.toSet()) : Set.of()));
        }
    }

    private Course courseOfSession(Long sessionId) {
        return courses.findBySessionId(sessionId)
                .orElseThrow(() -> new NotFoundException("error.session.notFound", String.valueOf(sessionId)));
    }

    private static CourseSession session(Course course, Long sessionId) {
        return course.getSessions().stream().filter(s -> s.getId().equals(sessionId)).findFirst().orElseThrow();
    }
}
