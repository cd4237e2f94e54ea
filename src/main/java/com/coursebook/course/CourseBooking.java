package com.coursebook.course;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import com.coursebook.audit.AuditTrail;
import com.coursebook.catalog.TreatmentProgram;
import com.coursebook.catalog.TreatmentPrograms;
import com.coursebook.course.internal.SkipDays;
import com.coursebook.patient.Patient;
import com.coursebook.patient.Patients;
import com.coursebook.rules.Finding;
import com.coursebook.rules.RuleFacts;
import com.coursebook.scheduling.CoursePlanner;
import com.coursebook.scheduling.Practitioner;
import com.coursebook.scheduling.Practitioners;
import com.coursebook.security.Staff;
import com.coursebook.shared.ClinicClock;
import com.coursebook.shared.InvalidRequestException;
import com.coursebook.shared.NotFoundException;
import com.coursebook.shared.TimeSlot;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Books a whole course in one step: plans the session dates, asks the {@link BookingPolicy} about every one of
 * them, and stores all sessions in one transaction or none. A dry run ({@link #check}) answers the same question
 * without storing anything, and says from when the course could be booked if it cannot now.
 */
@Service
public class CourseBooking {

    private final Patients patients;

    private final TreatmentPrograms programs;

    private final Practitioners practitioners;

    private final RuleFacts facts;

    private final CoursePlanner planner;

    private final Courses courses;

    private final RuleOverrides overrides;

    private final ClinicClock clock;

    private final AuditTrail audit;

    private final SkipDays skipDays;

    private final BookingPolicy policy;

    private final TransactionTemplate transactions;

    private final SignedSessions signed;

    CourseBooking(Patients patients, TreatmentPrograms programs, Practitioners practitioners, RuleFacts facts,
            CoursePlanner planner, Courses courses, RuleOverrides overrides, ClinicClock clock, AuditTrail audit,
            SkipDays skipDays, BookingPolicy policy, PlatformTransactionManager transactionManager,
            SignedSessions signed) {
        this.signed = signed;
        this.transactions = new TransactionTemplate(transactionManager);
        this.patients = patients;
        this.programs = programs;
        this.practitioners = practitioners;
        this.facts = facts;
        this.planner = planner;
        this.courses = courses;
        this.overrides = overrides;
        this.clock = clock;
        this.audit = audit;
        this.skipDays = skipDays;
        this.policy = policy;
    }

    @Transactional // not read-only: the check is audited; nothing else is written
    public Decision check(CourseRequest request) {
        Decision decision = decide(request, List.of());
        audit.record("CHECK", "COURSE", null, decision.subject().patientId(), decision.subject().program().getCode());
        return decision;
    }

    /** Books the course, or refuses (422 for the rules, 409 for a taken slot). */
    @Transactional
    public Course book(CourseRequest request) {
        Attempt attempt = attempt(request);
        attempt.decision().orElseThrow();
        return attempt.course();
    }

    /** A booking tried: the course booked, or the decision that refused it (for a screen to show the plan again). */
    public record Attempt(Course course, Decision decision, boolean lostRace) {

        Attempt(Course course, Decision decision) {
            this(course, decision, false);
        }

        public boolean booked() {
            return course != null;
        }
    }

    /**
     * As {@link #attempt}, for the booking screen: a race lost at the database's overlap constraint (SQLSTATE 23P01:
     * another booking took a slot between the pre-check and the insert) comes back as the plan decided anew, so the
     * session taken meanwhile is marked. Each try is its own transaction (the failed one rolled back whole).
     */
    public Attempt attemptAgainstRaces(CourseRequest request) {
        try {
            return transactions.execute(status -> attempt(request));
        }
        catch (DataIntegrityViolationException ex) {
            if (!(ex.getMostSpecificCause() instanceof SQLException sql && "23P01".equals(sql.getSQLState()))) {
                throw ex;
            }
            return new Attempt(null, transactions.execute(status -> check(request)), true);
        }
    }

    /** Books the course if the policy allows it; otherwise stores nothing and says why. */
    @Transactional
    public Attempt attempt(CourseRequest request) {
        if (!request.overrides().isEmpty() && !Staff.currentIsClinician()) {
            throw new AccessDeniedException("Only a clinician may override a warning");
        }
        List<String> confirmed = request.overrides().stream().map(CourseRequest.Override::key).toList();
        Decision decision = decide(request, confirmed);
        if (!decision.allowed()) {
            return new Attempt(null, decision);
        }
        Course course = courses.saveAndFlush(Course.plan(decision, Staff.currentName()));
        Set<String> warned = decision.warningKeys();
        for (CourseRequest.Override override : request.overrides()) {
            if (warned.contains(override.key())) {
                overrides.save(new RuleOverride(course.getId(), override.key(), override.reason().strip(),
                        Staff.currentName()));
                course.warningConfirmed(override.key());
            }
        }
        return new Attempt(courses.saveAndFlush(course), decision);
    }

    /**
     * A clinician changes the number of sessions within the program's range: extra sessions are planned after
     * the last one (same time, cadence, skipped days, and the same policy as a booking); fewer releases the latest
     * booked ones (cancelled by the clinic, kept for the record).
     */
    @Transactional
    @PreAuthorize("hasRole('CLINICIAN')")
    public Course resize(Long courseId, int total) {
        Course course = courses.findWithSessions(courseId)
                .orElseThrow(() -> new NotFoundException("error.course.notFound", String.valueOf(courseId)));
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
            // a booked session with a signed note took place: never among the ones released
            course.shortenBy(current - total, Staff.currentName(), clock.now(),
                    signed.among(course.getSessions().stream().map(CourseSession::getId).toList()));
        }
        else {
            course.extend(extension(course, total - current));
        }
        return courses.saveAndFlush(course);
    }

    /** The extra sessions planned after the last live one, decided like any booking. */
    private Decision extension(Course course, int extra) {
        TreatmentProgram program = course.getProgram();
        Patient patient = patients.findById(course.getPatientId()).orElseThrow();
        List<CourseSession> live = course.getSessions().stream().filter(s -> !s.getStatus().isCancelled())
                .sorted(Comparator.comparing(CourseSession::getStartsAt)).toList();
        LocalDateTime last = clock.toLocal(live.get(live.size() - 1).getStartsAt());
        Predicate<LocalDate> skip = skipDays.forCourse(course.getPractitionerId(), patient, facts.program(program),
                facts.patient(patient, program), true);
        List<LocalDateTime> added = planner.plan(last.toLocalDate().plusDays(course.getCadenceDays()), extra,
                course.getCadenceDays(), skip).dates().stream().map(d -> d.atTime(last.toLocalTime())).toList();
        if (added.size() < extra) {
            return policy.unplaceable(course, extra, added.size());
        }
        List<TimeSlot> slots = CoursePlanner.slots(added, program.getSlotMinutes(), clock);
        return policy.changeOf(course, Map.of(), slots);
    }

    /** Plans the request (or takes its adjusted dates) and asks the policy, for the chosen or any qualified practitioner. */
    private Decision decide(CourseRequest request, List<String> confirmed) {
        Patient patient = patients.findById(request.patientId())
                .orElseThrow(() -> new InvalidRequestException("patientId", "course.patient.unknown"));
        TreatmentProgram program = programs.findByCode(request.programCode().strip().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new InvalidRequestException("programCode", "course.program.unknown",
                        request.programCode()));
        if (!program.isActive()) {
            throw new InvalidRequestException("programCode", "course.program.inactive", program.getCode());
        }
        if (!clock.toInstant(request.firstSessionAt()).isAfter(clock.now())
                || request.sessionStarts().stream().anyMatch(s -> !clock.toInstant(s).isAfter(clock.now()))) {
            throw new InvalidRequestException("firstSessionAt", "course.firstSessionAt.past");
        }
        if (request.practitionerId() != null) {
            Practitioner practitioner = practitioners.findWithPrograms(request.practitionerId())
                    .orElseThrow(() -> new InvalidRequestException("practitionerId", "course.practitioner.unknown"));
            if (!practitioner.isActive()) {
                throw new InvalidRequestException("practitionerId", "course.practitioner.inactive");
            }
            return decide(request, patient, program, practitioner, confirmed);
        }
        // "Any qualified": the first qualified practitioner for whom no rule blocks and no slot is taken.
        List<Practitioner> qualified = practitioners.findAllWithPrograms().stream()
                .filter(p -> p.isActive() && p.isQualifiedFor(program)).toList();
        if (qualified.isEmpty()) {
            throw new InvalidRequestException("practitionerId", "course.practitioner.noneQualified");
        }
        Decision fallback = null;
        for (Practitioner candidate : qualified) {
            Decision decision = decide(request, patient, program, candidate, confirmed);
            if (decision.shown().stream().noneMatch(Finding::blocks) && decision.clash().isEmpty()) {
                return decision;
            }
            fallback = fallback == null ? decision : fallback;
        }
        return fallback;
    }

    private Decision decide(CourseRequest request, Patient patient, TreatmentProgram program,
            Practitioner practitioner, List<String> confirmed) {
        int count = request.sessionCount() == null ? program.getDefaultSessions() : request.sessionCount();
        int cadence = request.cadenceDays() == null ? program.getCadenceDays() : request.cadenceDays();
        LocalDate first = request.firstSessionAt().toLocalDate();
        LocalTime time = request.firstSessionAt().toLocalTime();
        List<LocalDateTime> starts;
        List<LocalDate> skipped;
        Function<LocalDate, List<LocalDate>> planFrom;
        if (request.sessionStarts().isEmpty()) {
            Predicate<LocalDate> skip;
            try {
                skip = skipDays.forCourse(practitioner.getId(), patient, facts.program(program),
                        facts.patient(patient, program), request.skipsMenstruation());
            }
            catch (RuntimeException ex) {
                skip = day -> false; // the policy reads the same facts and fails closed if they cannot be read
            }
            Predicate<LocalDate> skipping = skip;
            CoursePlanner.Plan plan = planner.plan(first, count, cadence, skipping);
            starts = plan.dates().stream().map(date -> date.atTime(time)).toList();
            skipped = plan.skipped();
            planFrom = start -> planner.plan(start, count, cadence, skipping).dates();
        }
        else {
            // The receptionist adjusted single dates: judge exactly those; "earliest start" moves them together.
            starts = request.sessionStarts().stream().sorted().toList();
            skipped = List.of();
            LocalDate explicitFirst = starts.get(0).toLocalDate();
            List<LocalDateTime> adjusted = starts;
            planFrom = start -> adjusted.stream()
                    .map(s -> s.toLocalDate().plusDays(ChronoUnit.DAYS.between(explicitFirst, start))).toList();
        }
        return policy.newCourse(patient, program, practitioner, cadence, starts, skipped, confirmed, planFrom);
    }
}
