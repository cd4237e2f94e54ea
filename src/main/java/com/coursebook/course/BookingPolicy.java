package com.coursebook.course;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.coursebook.catalog.TreatmentProgram;
import com.coursebook.course.internal.RoomAssignment;
import com.coursebook.course.internal.SessionConflicts;
import com.coursebook.patient.Patient;
import com.coursebook.patient.Patients;
import com.coursebook.rules.Evaluation;
import com.coursebook.rules.Facts;
import com.coursebook.rules.Finding;
import com.coursebook.rules.FindingSeverity;
import com.coursebook.rules.RuleEngine;
import com.coursebook.rules.RuleFacts;
import com.coursebook.rules.Stage;
import com.coursebook.rules.Text;
import com.coursebook.scheduling.Availability;
import com.coursebook.scheduling.CoursePlanner;
import com.coursebook.scheduling.Practitioner;
import com.coursebook.scheduling.Practitioners;
import com.coursebook.shared.ClinicClock;
import com.coursebook.shared.TimeSlot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place that decides whether sessions may be placed: booking a course, extending it, moving sessions,
 * booking a replacement, checking a patient in. Every act states its proposal here and gets a {@link Decision}:
 * the rule engine's findings (clinical rules, qualification, cadence, working hours, ...) filtered to what concerns
 * the act, less the warnings a clinician has confirmed, plus any overlap with sessions already booked. It fails
 * closed: facts that cannot be read refuse everything.
 */
@Service
public class BookingPolicy {

    private static final Logger log = LoggerFactory.getLogger(BookingPolicy.class);

    /** How far ahead "earliest start" looks for a start from which the whole course passes. */
    static final int EARLIEST_START_HORIZON_DAYS = 365;

    /** The shape of the course was settled at booking; a change of single sessions is not judged by its length. */
    private static final Set<String> SHAPE_RULES = Set.of("COURSE_LENGTH");

    /** A proposed session overlaps one already booked: shown with the plan; refuses as a clash. */
    static final String SLOT_TAKEN = "SLOT_TAKEN";

    /** Advice with a taken slot: free times that day. */
    static final String FREE_SLOTS = "FREE_SLOTS";

    /** The patient already has a running course of the same program: a clinician confirms a second one. */
    static final String SAME_PROGRAM_RUNNING = "SAME_PROGRAM_RUNNING";

    private final RuleEngine engine;

    private final RuleFacts facts;

    private final SessionConflicts conflicts;

    private final RoomAssignment rooms;

    private final RuleOverrides overrides;

    private final Patients patients;

    private final Practitioners practitioners;

    private final ClinicClock clock;

    private final Courses courses;

    private final Availability availability;

    BookingPolicy(RuleEngine engine, RuleFacts facts, SessionConflicts conflicts, RoomAssignment rooms,
            RuleOverrides overrides, Patients patients, Practitioners practitioners, ClinicClock clock,
            Courses courses, Availability availability) {
        this.courses = courses;
        this.availability = availability;
        this.rooms = rooms;
        this.engine = engine;
        this.facts = facts;
        this.conflicts = conflicts;
        this.overrides = overrides;
        this.patients = patients;
        this.practitioners = practitioners;
        this.clock = clock;
    }

    /**
     * A new course: every session is the act's own and every finding is shown.
     *
     * @param starts    each session's start, clinic time, in course order
     * @param confirmed override keys a clinician confirms with this booking
     * @param planFrom  plans the course's dates from another first date, for "earliest start"
     */
    @Transactional(readOnly = true)
    public Decision newCourse(Patient patient, TreatmentProgram program, Practitioner practitioner, int cadenceDays,
            List<LocalDateTime> starts, List<LocalDate> skipped, Collection<String> confirmed,
            Function<LocalDate, List<LocalDate>> planFrom) {
        List<TimeSlot> slots = CoursePlanner.slots(starts, program.getSlotMinutes(), clock);
        Decision.Subject subject = new Decision.Subject(patient.getId(), program, practitioner.getId(), cadenceDays);
        Facts.Proposal proposal;
        Evaluation evaluation;
        LocalDate earliest = null;
        try {
            List<LocalDate> dates = starts.stream().map(LocalDateTime::toLocalDate).toList();
            proposal = Facts.Proposal.booking(facts.patient(patient, program), facts.program(program),
                    facts.practitioner(practitioner), dates).withVisits(visits(slots));
            evaluation = engine.evaluate(proposal);
            if (evaluation.hasBlocks() && !dates.isEmpty()) {
                earliest = engine.earliestStart(proposal, dates.get(0), planFrom, EARLIEST_START_HORIZON_DAYS)
                        .orElse(null);
            }
        }
        catch (RuntimeException ex) {
            log.error("Could not evaluate a course for patient {}; refusing", patient.getId(), ex);
            evaluation = RuleEngine.refusal();
        }
        List<Finding> findings = new ArrayList<>(evaluation.findings());
        if (courses.countRunning(patient.getId(), program.getId()) > 0) {
            findings.add(new Finding(SAME_PROGRAM_RUNNING, FindingSeverity.WARN, null, null,
                    new Text("finding.sameProgramRunning"), null, null, null));
        }
        // the taken slots are shown with the plan (every one of them), but refuse as a clash (409), not as a rule
        List<SessionConflicts.Conflict> taken = conflicts.all(practitioner.getId(), patient.getId(), slots, List.of());
        findings.addAll(takenAndFreeNearby(taken, slots, practitioner, patient.getId(), program.getSlotMinutes()));
        List<Finding> refusing = refusing(findings.stream().filter(f -> !SLOT_TAKEN.equals(f.rule())).toList(),
                Set.copyOf(confirmed));
        Optional<Decision.Clash> clash = taken.stream().findFirst()
                .map(c -> new Decision.Clash(clock.toLocal(c.startsAt()), clock.toLocal(c.endsAt()),
                        Decision.Whose.valueOf(c.whose())));
        List<Decision.Proposed> proposed = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            int number = i + 1;
            List<Finding> own = findings.stream().filter(f -> Integer.valueOf(number).equals(f.session())).toList();
            Decision.Verdict verdict = own.stream().anyMatch(Finding::blocks) ? Decision.Verdict.BLOCKED
                    : own.stream().anyMatch(refusing::contains) ? Decision.Verdict.WARNING : Decision.Verdict.OK;
            proposed.add(new Decision.Proposed(number, starts.get(i), clock.toLocal(slots.get(i).endsAt()),
                    program.handsOnMinutes(number), verdict));
        }
        Decision decision = new Decision(subject, proposed, findings, refusing, clash, skipped, earliest, List.of());
        List<Decision.Place> places = slots.stream().map(slot -> new Decision.Place(null, slot, null)).toList();
        return refusing.isEmpty() && clash.isEmpty() ? place(decision, practitioner, patient.getId(), places)
                : decision;
    }

    /**
     * A block on each proposed session for every booked session it would overlap, and, once per such session, the
     * practitioner's free slots that day nearest to it where the patient is free too (advice only: never refuses).
     */
    private List<Finding> takenAndFreeNearby(List<SessionConflicts.Conflict> taken, List<TimeSlot> slots,
            Practitioner practitioner, Long patientId, int minutes) {
        List<Finding> found = new ArrayList<>();
        for (SessionConflicts.Conflict c : taken) {
            LocalDateTime from = clock.toLocal(c.startsAt());
            found.add(Finding.blockOn(SLOT_TAKEN, c.session(), clock.toDate(slots.get(c.session() - 1).startsAt()),
                    new Text("finding.slotTaken." + c.whose(), from.toLocalDate().toString(),
                            from.toLocalTime().toString(), clock.toLocal(c.endsAt()).toLocalTime().toString())));
        }
        List<Integer> clashing = taken.stream().map(SessionConflicts.Conflict::session).distinct().sorted().toList();
        List<TimeSlot> free = freeSlots(practitioner.getId(), patientId,
                clashing.stream().map(number -> slots.get(number - 1)).toList(), minutes);
        for (int number : clashing) {
            TimeSlot wanted = slots.get(number - 1);
            List<String> near = nearest(free, wanted);
            found.add(new Finding(FREE_SLOTS, FindingSeverity.INFO, number, clock.toDate(wanted.startsAt()),
                    near.isEmpty() ? new Text("finding.freeSlots.none") : new Text("finding.freeSlots",
                            String.join(", ", near)), null, null, null));
        }
        return found;
    }

    /**
     * The practitioner's free slots on the days of the wanted sessions where the patient is free too: one free-slot
     * search per stretch of at most {@link Availability#MAX_RANGE_DAYS} days (usually one for the whole course) and
     * one overlap query for the patient, not a search per session.
     */
    private List<TimeSlot> freeSlots(Long practitionerId, Long patientId, List<TimeSlot> wanted, int minutes) {
        try {
            Set<LocalDate> days = wanted.stream().map(slot -> clock.toDate(slot.startsAt()))
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
            List<TimeSlot> candidates = new ArrayList<>();
            LocalDate from = null;
            LocalDate to = null;
            for (LocalDate day : days) {
                if (from != null && ChronoUnit.DAYS.between(from, day) >= Availability.MAX_RANGE_DAYS) {
                    candidates.addAll(freeSlots(practitionerId, from, to, minutes, days));
                    from = null;
                }
                from = from == null ? day : from;
                to = day;
            }
            if (from != null) {
                candidates.addAll(freeSlots(practitionerId, from, to, minutes, days));
            }
            Set<Integer> patientBusy = conflicts.all(practitionerId, patientId, candidates, List.of()).stream()
                    .map(SessionConflicts.Conflict::session).collect(Collectors.toSet());
            return IntStream.range(0, candidates.size()).filter(i -> !patientBusy.contains(i + 1))
                    .mapToObj(candidates::get).toList();
        }
        catch (RuntimeException ex) {
            log.warn("No free slots to offer for practitioner {}", practitionerId, ex);
            return List.of();
        }
    }

    private List<TimeSlot> freeSlots(Long practitionerId, LocalDate from, LocalDate to, int minutes,
            Set<LocalDate> days) {
        return availability.freeSlots(practitionerId, from, to, minutes).stream()
                .filter(slot -> days.contains(slot.startsAt().toLocalDate()))
                .map(slot -> new TimeSlot(clock.toInstant(slot.startsAt()), clock.toInstant(slot.endsAt())))
                .toList();
    }

    /** Up to three free times on the wanted session's day, nearest to it, in time order. */
    private List<String> nearest(List<TimeSlot> free, TimeSlot wanted) {
        LocalDate day = clock.toDate(wanted.startsAt());
        return free.stream().filter(slot -> clock.toDate(slot.startsAt()).equals(day))
                .sorted(Comparator.comparing((TimeSlot slot) -> Math.abs(
                        java.time.Duration.between(wanted.startsAt(), slot.startsAt()).toMinutes())))
                .limit(3).sorted(Comparator.comparing(TimeSlot::startsAt))
                .map(slot -> clock.toLocal(slot.startsAt()).toLocalTime().toString()).toList();
    }

    /**
     * A change of a running course: sessions moved to new times and sessions added. The course is judged as it would
     * be afterwards, in time order, and only what concerns the moved or added sessions (or the whole course) can
     * refuse it; the course's confirmed warnings stay confirmed. The sessions being moved do not clash with their own
     * old places.
     */
    @Transactional(readOnly = true)
    public Decision changeOf(Course course, Map<CourseSession, TimeSlot> moved, List<TimeSlot> added) {
        // moved keeps the caller's order (a LinkedHashMap), so places come out in that order
        record Placed(TimeSlot slot, boolean judged) {
        }
        List<Placed> after = new ArrayList<>();
        course.getSessions().stream()
                .filter(s -> !s.getStatus().isCancelled() && s.getStatus() != SessionStatus.NO_SHOW)
                .forEach(s -> after.add(moved.containsKey(s) ? new Placed(moved.get(s), true)
                        : new Placed(new TimeSlot(s.getStartsAt(), s.getEndsAt()), false)));
        added.forEach(slot -> after.add(new Placed(slot, true)));
        after.sort(Comparator.comparing(p -> p.slot().startsAt()));
        Set<Integer> judged = IntStream.range(0, after.size()).filter(i -> after.get(i).judged()).map(i -> i + 1)
                .boxed().collect(Collectors.toSet());
        List<TimeSlot> slots = after.stream().map(Placed::slot).toList();
        Evaluation evaluation = evaluate(course, slots, Stage.BOOKING);
        List<Finding> refusing = refusing(evaluation.findings().stream()
                .filter(f -> f.session() == null || judged.contains(f.session()))
                .filter(f -> !SHAPE_RULES.contains(f.rule())).toList(), confirmed(course));
        Decision decision = new Decision(subject(course), List.of(), refusing, refusing, Optional.empty(), List.of(),
                null, List.of());
        if (!refusing.isEmpty()) {
            return decision;
        }
        List<Decision.Place> places = new ArrayList<>();
        moved.forEach((session, slot) -> places.add(new Decision.Place(session, slot, null)));
        added.forEach(slot -> places.add(new Decision.Place(null, slot, null)));
        return place(decision, practitioners.findById(course.getPractitionerId()).orElseThrow(),
                course.getPatientId(), places);
    }

    /**
     * The patient has arrived: the rules are run again for the session's day (a fever recorded this morning stops
     * it; a missing examination is a hard stop now), and a course held for review stays held.
     */
    @Transactional(readOnly = true)
    public Decision checkIn(Course course, CourseSession session) {
        LocalDate day = clock.toDate(session.getStartsAt());
        List<Finding> findings = new ArrayList<>();
        if (course.isNeedsReview()) {
            findings.add(Finding.blockOn(CourseLifecycle.REVIEW_HOLD, session.getSeqNo(), day,
                    new Text("finding.reviewHold")));
        }
        Evaluation evaluation = evaluate(course, List.of(new TimeSlot(session.getStartsAt(), session.getEndsAt())),
                Stage.CHECK_IN);
        evaluation.findings().stream().map(f -> f.renumbered(session.getSeqNo())).forEach(findings::add);
        List<Finding> refusing = refusing(findings, confirmed(course));
        return new Decision(subject(course), List.of(), refusing, refusing, Optional.empty(), List.of(), null,
                List.of());
    }

    /** The plan could not place all the sessions asked for (too few working days ahead): refused, in words. */
    Decision unplaceable(Course course, int asked, int placed) {
        List<Finding> refusing = List.of(Finding.blockCourse("PLAN", new Text("finding.planShort", asked, placed)));
        return new Decision(subject(course), List.of(), refusing, refusing, Optional.empty(), List.of(), null,
                List.of());
    }

    /** The blocks, and the warnings no clinician has confirmed. */
    private static List<Finding> refusing(List<Finding> findings, Set<String> confirmed) {
        return findings.stream().filter(f -> f.blocks() || (f.warns() && !confirmed.contains(f.overrideKey())))
                .toList();
    }

    /**
     * Booked sessions of a running course as they stand, judged again for their own dates after what the rules know
     * changed (a condition recorded, resolved). Nothing is refused here: the re-check flags what it finds.
     */
    @Transactional(readOnly = true)
    public Evaluation standing(Course course, List<CourseSession> sessions) {
        return evaluate(course, sessions.stream().map(s -> new TimeSlot(s.getStartsAt(), s.getEndsAt())).toList(),
                Stage.BOOKING, clock.toDate(course.firstSessionStart()), false);
    }

    /** The warnings on the course's future booked sessions that no clinician has confirmed for it yet. */
    @Transactional(readOnly = true)
    public Set<String> warningsWaiting(Course course) {
        List<CourseSession> future = course.getSessions().stream()
                .filter(s -> s.getStatus() == SessionStatus.BOOKED && s.getStartsAt().isAfter(clock.now())).toList();
        Set<String> confirmed = confirmed(course);
        return standing(course, future).findings().stream().filter(f -> f.warns() && f.session() != null)
                .map(Finding::overrideKey).filter(key -> !confirmed.contains(key))
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /** The course's sessions at the given places, judged by the rules for the given stage; fails closed. */
    private Evaluation evaluate(Course course, List<TimeSlot> slots, Stage stage) {
        return evaluate(course, slots, stage, stage == Stage.CHECK_IN ? clock.toDate(course.firstSessionStart())
                : slots.isEmpty() ? null : clock.toDate(slots.get(0).startsAt()), stage == Stage.BOOKING);
    }

    /** @param placing whether sessions are being placed, so their times count (working hours) */
    private Evaluation evaluate(Course course, List<TimeSlot> slots, Stage stage, LocalDate courseStart,
            boolean placing) {
        try {
            Patient patient = patients.findById(course.getPatientId()).orElseThrow();
            Practitioner practitioner = practitioners.findWithPrograms(course.getPractitionerId()).orElseThrow();
            TreatmentProgram program = course.getProgram();
            List<LocalDate> dates = slots.stream().map(s -> clock.toDate(s.startsAt())).toList();
            Facts.Proposal proposal = new Facts.Proposal(facts.patient(patient, program), facts.program(program),
                    facts.practitioner(practitioner), dates, courseStart, stage);
            return engine.evaluate(placing ? proposal.withVisits(visits(slots)) : proposal);
        }
        catch (RuntimeException ex) {
            log.error("Could not evaluate course {}; refusing", course.getId(), ex);
            return RuleEngine.refusal();
        }
    }

    private Set<String> confirmed(Course course) {
        return overrides.findByCourseIdOrderById(course.getId()).stream().map(RuleOverride::getFinding)
                .collect(Collectors.toSet());
    }

    /**
     * Sessions the rules allow still need their time free (practitioner and patient) and a room: the first overlap
     * with a session already booked refuses them. The database's exclusion constraints stay the last guard.
     */
    private Decision place(Decision decision, Practitioner practitioner, Long patientId, List<Decision.Place> places) {
        List<TimeSlot> slots = places.stream().map(Decision.Place::slot).toList();
        List<Long> moving = places.stream().map(Decision.Place::session).filter(s -> s != null)
                .map(CourseSession::getId).toList();
        Optional<Decision.Clash> clash = conflicts.firstConflict(practitioner.getId(), patientId, slots, moving)
                .map(c -> new Decision.Clash(clock.toLocal(c.startsAt()), clock.toLocal(c.endsAt()),
                        Decision.Whose.valueOf(c.whose())));
        if (clash.isPresent()) {
            return decision.placed(List.of(), clash);
        }
        RoomAssignment.Rooms found = rooms.assign(decision.subject().program().getRoomType(),
                practitioner.getLocation() == null ? null : practitioner.getLocation().getId(), slots, moving);
        if (found.full() != null) {
            return decision.placed(List.of(), Optional.of(new Decision.Clash(clock.toLocal(found.full().startsAt()),
                    clock.toLocal(found.full().endsAt()), Decision.Whose.ROOM)));
        }
        List<Decision.Place> roomed = IntStream.range(0, places.size())
                .mapToObj(i -> new Decision.Place(places.get(i).session(), places.get(i).slot(), found.ids().get(i)))
                .toList();
        return decision.placed(roomed, Optional.empty());
    }

    private static Decision.Subject subject(Course course) {
        return new Decision.Subject(course.getPatientId(), course.getProgram(), course.getPractitionerId(),
                course.getCadenceDays());
    }

    private List<Facts.Visit> visits(List<TimeSlot> slots) {
        return slots.stream().map(s -> new Facts.Visit(clock.toLocal(s.startsAt()), clock.toLocal(s.endsAt())))
                .toList();
    }
}
