package com.coursebook.course;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import com.coursebook.audit.AuditTrail;
import com.coursebook.catalog.TreatmentProgram;
import com.coursebook.catalog.TreatmentPrograms;
import com.coursebook.patient.Patient;
import com.coursebook.patient.Patients;
import com.coursebook.rules.Evaluation;
import com.coursebook.rules.Facts;
import com.coursebook.rules.Finding;
import com.coursebook.rules.FindingRenderer;
import com.coursebook.rules.RuleEngine;
import com.coursebook.rules.RuleFacts;
import com.coursebook.scheduling.CoursePlanner;
import com.coursebook.scheduling.Practitioner;
import com.coursebook.scheduling.Practitioners;
import com.coursebook.security.Staff;
import com.coursebook.shared.ClinicClock;
import com.coursebook.shared.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books a whole course in one step: plans the session dates, asks the rule engine about every one of them,
 * and stores all sessions in one transaction or none. A dry run ({@link #check}) answers the same question
 * without storing anything, and says from when the course could be booked if it cannot now.
 */
@Service
public class CourseBooking {

    private static final Logger log = LoggerFactory.getLogger(CourseBooking.class);

    static final int EARLIEST_START_HORIZON_DAYS = 365;

    private final Patients patients;

    private final TreatmentPrograms programs;

    private final Practitioners practitioners;

    private final RuleFacts facts;

    private final RuleEngine engine;

    private final CoursePlanner planner;

    private final FindingRenderer renderer;

    private final Courses courses;

    private final RuleOverrides overrides;

    private final SessionConflicts conflicts;

    private final ClinicClock clock;

    private final AuditTrail audit;

    private final SkipDays skipDays;

    private final RoomAssignment roomAssignment;

    private final CourseLifecycle lifecycle;

    private final com.coursebook.scheduling.Availability availability;

    CourseBooking(Patients patients, TreatmentPrograms programs, Practitioners practitioners, RuleFacts facts,
            RuleEngine engine, CoursePlanner planner, FindingRenderer renderer, Courses courses,
            RuleOverrides overrides, SessionConflicts conflicts, ClinicClock clock, AuditTrail audit,
            SkipDays skipDays, RoomAssignment roomAssignment, CourseLifecycle lifecycle,
            com.coursebook.scheduling.Availability availability) {
        this.availability = availability;
        this.lifecycle = lifecycle;
        this.skipDays = skipDays;
        this.roomAssignment = roomAssignment;
        this.patients = patients;
        this.programs = programs;
        this.practitioners = practitioners;
        this.facts = facts;
        this.engine = engine;
        this.planner = planner;
        this.renderer = renderer;
        this.courses = courses;
        this.overrides = overrides;
        this.conflicts = conflicts;
        this.clock = clock;
        this.audit = audit;
    }

    @Transactional // not read-only: the check is audited; nothing else is written
    public CourseCheck check(CourseRequest request, Locale locale) {
        Prepared prepared = prepare(request);
        audit.record("CHECK", "COURSE", null, prepared.patient.getId(), prepared.program.getCode());
        return prepared.toCheck(List.of(), locale);
    }

    @Transactional
    public Course book(CourseRequest request, Locale locale) {
        if (!request.overrides().isEmpty() && !Staff.currentIsClinician()) {
            throw new AccessDeniedException("Only a clinician may override a warning");
        }
        Prepared prepared = prepare(request);
        List<String> confirmed = request.overrides().stream().map(CourseRequest.Override::key).toList();
        if (!prepared.evaluation.isBookable(confirmed)) {
            throw new BookingRefusedException(prepared.toCheck(confirmed, locale));
        }
        List<Instant[]> slots = prepared.slots();
        conflicts.firstConflict(prepared.practitioner.getId(), prepared.patient.getId(), slots).ifPresent(c -> {
            throw new SlotTakenException(clock.toLocal(c.startsAt()), clock.toLocal(c.endsAt()), c.whose());
        });
        List<Long> rooms = roomAssignment.assign(prepared.program.getRoomType(),
                prepared.practitioner.getLocation() == null ? null : prepared.practitioner.getLocation().getId(), slots,
                List.of());
        Course course = courses.saveAndFlush(Course.plan(prepared.patient.getId(), prepared.program,
                prepared.practitioner.getId(), prepared.cadenceDays, slots, rooms, Staff.currentName()));
        Set<String> warned = prepared.evaluation.warningKeys();
        for (CourseRequest.Override override : request.overrides()) {
            if (warned.contains(override.key())) {
                overrides.save(new RuleOverride(course.getId(), override.key(), override.reason().strip(),
                        Staff.currentName()));
                audit.record("OVERRIDE", "COURSE", course.getId(), course.getPatientId(), override.key());
            }
        }
        audit.record("CREATE", "COURSE", course.getId(), course.getPatientId(),
                prepared.program.getCode() + " x" + slots.size());
        return course;
    }

    /**
     * A clinician changes the number of sessions within the program's range: extra sessions are planned after
     * the last one (same time, cadence, skipped days, rules and overlap checks); fewer releases the latest
     * booked ones (cancelled by the clinic, kept for the record).
     */
    @Transactional
    @org.springframework.security.access.prepost.PreAuthorize("hasRole('CLINICIAN')")
    public Course resize(Long courseId, int total, Locale locale) {
        Course course = courses.findWithSessions(courseId)
                .orElseThrow(() -> new com.coursebook.shared.NotFoundException("error.course.notFound",
                        String.valueOf(courseId)));
        TreatmentProgram program = course.getProgram();
        if (!program.allowsSessionCount(total)) {
            throw new InvalidRequestException("sessions", "finding.courseLength", total, program.getMinSessions(),
                    program.getMaxSessions());
        }
        int current = course.getPrescribedSessions();
        if (total == current) {
            return course;
        }
        if (total < current) {
            course.shortenBy(current - total, Staff.currentName(), clock.now());
        }
        else if (total > current) {
            extend(course, total - current, locale);
        }
        courses.flush();
        lifecycle.record(course, total > current ? "EXTENDED" : "SHORTENED", current + " -> " + total);
        return course;
    }

    private void extend(Course course, int extra, Locale locale) {
        TreatmentProgram program = course.getProgram();
        Patient patient = patients.findById(course.getPatientId()).orElseThrow();
        Practitioner practitioner = practitioners.findWithPrograms(course.getPractitionerId()).orElseThrow();
        List<CourseSession> live = course.getSessions().stream().filter(s -> !s.getStatus().isCancelled())
                .sorted(java.util.Comparator.comparing(CourseSession::getStartsAt)).toList();
        LocalDateTime last = clock.toLocal(live.get(live.size() - 1).getStartsAt());
        Facts.Patient patientFacts = facts.patient(patient, program);
        Facts.Program programFacts = facts.program(program);
        Predicate<LocalDate> skip = skipDays.forCourse(practitioner.getId(), patient, programFacts, patientFacts, true);
        List<LocalDate> added = planner.plan(last.toLocalDate().plusDays(course.getCadenceDays()), extra,
                course.getCadenceDays(), skip).dates();
        List<LocalDate> dates = new ArrayList<>(live.stream().map(s -> clock.toDate(s.getStartsAt())).toList());
        dates.addAll(added);
        Evaluation evaluation = engine.evaluate(new Facts.Proposal(patientFacts, programFacts,
                RuleFacts.practitioner(practitioner), dates, dates.get(0), com.coursebook.rules.Stage.BOOKING));
        Set<String> confirmed = overrides.findByCourseIdOrderById(course.getId()).stream()
                .map(RuleOverride::getFinding).collect(java.util.stream.Collectors.toSet());
        List<LocalDateTime> addedStarts = added.stream().map(d -> d.atTime(last.toLocalTime())).toList();
        List<Finding> refusing = new ArrayList<>(evaluation.findings().stream()
                .filter(f -> f.session() == null || f.session() > live.size())
                .filter(f -> f.blocks() || (f.warns() && !confirmed.contains(f.overrideKey()))).toList());
        refusing.addAll(withWorkingTime(new Evaluation(List.of()), practitioner, addedStarts, program.getSlotMinutes())
                .findings());
        if (added.size() < extra || !refusing.isEmpty()) {
            boolean clinician = Staff.currentIsClinician();
            throw new BookingRefusedException(new CourseCheck(false, patient.getId(), program.getCode(),
                    practitioner.getId(), course.getCadenceDays(), List.of(),
                    renderer.render(refusing, locale, clinician), List.of(), null, Set.of()));
        }
        List<Instant[]> slots = CoursePlanner.slots(addedStarts, program.getSlotMinutes(), clock);
        conflicts.firstConflict(practitioner.getId(), patient.getId(), slots).ifPresent(c -> {
            throw new SlotTakenException(clock.toLocal(c.startsAt()), clock.toLocal(c.endsAt()), c.whose());
        });
        List<Long> rooms = roomAssignment.assign(program.getRoomType(),
                practitioner.getLocation() == null ? null : practitioner.getLocation().getId(), slots, List.of());
        course.extend(slots, rooms);
    }

    private Prepared prepare(CourseRequest request) {
        Patient patient = patients.findById(request.patientId())
                .orElseThrow(() -> new InvalidRequestException("patientId", "course.patient.unknown"));
        TreatmentProgram program = programs.findByCode(request.programCode().strip().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new InvalidRequestException("programCode", "course.program.unknown",
                        request.programCode()));
        if (!program.isActive()) {
            throw new InvalidRequestException("programCode", "course.program.inactive", program.getCode());
        }
        if (request.practitionerId() != null) {
            Practitioner practitioner = practitioners.findWithPrograms(request.practitionerId())
                    .orElseThrow(() -> new InvalidRequestException("practitionerId", "course.practitioner.unknown"));
            if (!practitioner.isActive()) {
                throw new InvalidRequestException("practitionerId", "course.practitioner.inactive");
            }
            return prepare(request, patient, program, practitioner);
        }
        // "Any qualified": the first qualified practitioner for whom the whole plan passes and no slot is taken.
        List<Practitioner> qualified = practitioners.findAllWithPrograms().stream()
                .filter(p -> p.isActive() && p.isQualifiedFor(program)).toList();
        if (qualified.isEmpty()) {
            throw new InvalidRequestException("practitionerId", "course.practitioner.noneQualified");
        }
        Prepared fallback = null;
        for (Practitioner candidate : qualified) {
            Prepared prepared = prepare(request, patient, program, candidate);
            if (!prepared.evaluation.hasBlocks() && conflicts.firstConflict(candidate.getId(), patient.getId(),
                    prepared.slots()).isEmpty()) {
                return prepared;
            }
            fallback = fallback == null ? prepared : fallback;
        }
        return fallback;
    }

    private Prepared prepare(CourseRequest request, Patient patient, TreatmentProgram program,
            Practitioner practitioner) {
        int count = request.sessionCount() == null ? program.getDefaultSessions() : request.sessionCount();
        int cadence = request.cadenceDays() == null ? program.getCadenceDays() : request.cadenceDays();
        LocalDate first = request.firstSessionAt().toLocalDate();
        LocalTime time = request.firstSessionAt().toLocalTime();
        if (!clock.toInstant(request.firstSessionAt()).isAfter(clock.now())
                || request.sessionStarts().stream().anyMatch(s -> !clock.toInstant(s).isAfter(clock.now()))) {
            throw new InvalidRequestException("firstSessionAt", "course.firstSessionAt.past");
        }
        Prepared prepared = new Prepared(patient, program, practitioner, cadence);
        try {
            Facts.Patient patientFacts = facts.patient(patient, program);
            Facts.Program programFacts = facts.program(program);
            Facts.Practitioner practitionerFacts = RuleFacts.practitioner(practitioner);
            Predicate<LocalDate> skip = skipDays.forCourse(practitioner.getId(), patient, programFacts, patientFacts,
                    request.skipsMenstruation());
            Function<LocalDate, List<LocalDate>> planFrom;
            if (request.sessionStarts().isEmpty()) {
                CoursePlanner.Plan plan = planner.plan(first, count, cadence, skip);
                prepared.starts = plan.dates().stream().map(date -> date.atTime(time)).toList();
                prepared.skipped = plan.skipped();
                planFrom = start -> planner.plan(start, count, cadence, skip).dates();
            }
            else {
                // The receptionist adjusted single dates: judge exactly those; "earliest start" moves them together.
                prepared.starts = request.sessionStarts().stream().sorted().toList();
                prepared.skipped = List.of();
                LocalDate explicitFirst = prepared.starts.get(0).toLocalDate();
                planFrom = start -> prepared.starts.stream()
                        .map(s -> s.toLocalDate().plusDays(ChronoUnit.DAYS.between(explicitFirst, start))).toList();
            }
            List<LocalDate> dates = prepared.starts.stream().map(LocalDateTime::toLocalDate).toList();
            Facts.Proposal proposal = Facts.Proposal.booking(patientFacts, programFacts, practitionerFacts, dates);
            prepared.evaluation = withWorkingTime(engine.evaluate(proposal), practitioner, prepared.starts,
                    program.getSlotMinutes());
            if (prepared.evaluation.hasBlocks()) {
                prepared.earliestStart = engine.earliestStart(proposal, dates.get(0), planFrom,
                        EARLIEST_START_HORIZON_DAYS).orElse(null);
            }
        }
        catch (RuntimeException ex) {
            // Fail closed: if the facts cannot be read or the plan not made, nothing is bookable.
            log.error("Could not evaluate course for patient {}; refusing", patient.getId(), ex);
            prepared.starts = prepared.starts == null ? List.of() : prepared.starts;
            prepared.skipped = prepared.skipped == null ? List.of() : prepared.skipped;
            prepared.evaluation = RuleEngine.refusal();
        }
        return prepared;
    }

    /** Adds a block for every session outside the practitioner's working hours or in a break. */
    private Evaluation withWorkingTime(Evaluation evaluation, Practitioner practitioner, List<LocalDateTime> starts,
            int minutes) {
        var workingTime = availability.workingTime(practitioner.getId());
        List<Finding> findings = new ArrayList<>(evaluation.findings());
        for (int i = 0; i < starts.size(); i++) {
            LocalDateTime start = starts.get(i);
            if (!workingTime.test(start, start.plusMinutes(minutes))) {
                findings.add(new Finding(WORKING_HOURS, com.coursebook.rules.FindingSeverity.BLOCK, i + 1,
                        start.toLocalDate(), new com.coursebook.rules.Text("finding.workingHours", i + 1,
                                start.toLocalDate(), start.toLocalTime().toString(), practitioner.getFullName()),
                        null, null, null));
            }
        }
        return new Evaluation(findings);
    }

    /** The finding for a session outside working hours: a scheduling matter, checked beside the clinical rules. */
    static final String WORKING_HOURS = "WORKING_HOURS";

    /** Everything worked out for one request. */
    private final class Prepared {

        final Patient patient;

        final TreatmentProgram program;

        final Practitioner practitioner;

        final int cadenceDays;

        /** Every session's start, local to the clinic, in course order. */
        List<LocalDateTime> starts;

        List<LocalDate> skipped;

        Evaluation evaluation;

        LocalDate earliestStart;

        Prepared(Patient patient, TreatmentProgram program, Practitioner practitioner, int cadenceDays) {
            this.patient = patient;
            this.program = program;
            this.practitioner = practitioner;
            this.cadenceDays = cadenceDays;
        }

        List<Instant[]> slots() {
            return CoursePlanner.slots(starts, program.getSlotMinutes(), clock);
        }

        CourseCheck toCheck(List<String> confirmed, Locale locale) {
            boolean clinician = Staff.currentIsClinician();
            List<Instant[]> slots = slots();
            List<CourseCheck.ProposedSession> sessions = new ArrayList<>();
            for (int i = 0; i < slots.size(); i++) {
                int number = i + 1;
                List<Finding> own = evaluation.findings().stream()
                        .filter(f -> f.session() != null && f.session() == number).toList();
                String state = own.stream().anyMatch(Finding::blocks) ? "BLOCKED"
                        : own.stream().anyMatch(f -> f.warns() && !confirmed.contains(f.overrideKey())) ? "WARNING"
                                : "OK";
                sessions.add(new CourseCheck.ProposedSession(number, clock.toLocal(slots.get(i)[0]),
                        clock.toLocal(slots.get(i)[1]), program.handsOnMinutes(number), state));
            }
            return new CourseCheck(evaluation.isBookable(confirmed), patient.getId(), program.getCode(),
                    practitioner.getId(), cadenceDays, sessions,
                    renderer.render(evaluation.findings(), locale, clinician), skipped, earliestStart,
                    clinician ? evaluation.warningKeys() : Set.of());
        }
    }
}
