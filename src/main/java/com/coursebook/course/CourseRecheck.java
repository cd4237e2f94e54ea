package com.coursebook.course;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.coursebook.catalog.CatalogChanged;
import com.coursebook.patient.PatientConditionsChanged;
import com.coursebook.rules.Evaluation;
import com.coursebook.rules.Finding;
import com.coursebook.rules.RuleEngine;
import com.coursebook.shared.Phrase;
import com.coursebook.shared.ClinicClock;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * When what the engine knows about a patient changes, every future booked session of that patient is
 * checked again for its own date. Sessions a rule now blocks are flagged "needs attention" for reception to
 * rebook; nothing is cancelled silently. Flags set by an earlier re-check are lifted when the block is gone.
 * The same after an admin's change of the catalog, for the courses of the programs it concerns.
 * Runs in the transaction that recorded the change, so the change and its consequences commit together.
 */
@Component
class CourseRecheck {

    /** Rules that judge a session by its own date; course-shape rules were settled at booking. */
    private static final Set<String> DATED_RULES = Set.of("CONTRAINDICATION", "EVENT_WINDOW", "MENSTRUATION");

    private final Courses courses;

    private final BookingPolicy policy;

    /**
     * The attention rule of a session a relative contraindication recorded after booking now warns about: it needs a
     * clinician's confirmation for the course (a written reason, as at booking) before it can take place.
     */
    static final String NEEDS_CONFIRMATION = "NEEDS_CONFIRMATION";

    private final ClinicClock clock;

    private final RuleOverrides overrides;

    CourseRecheck(Courses courses, BookingPolicy policy, ClinicClock clock, RuleOverrides overrides) {
        this.overrides = overrides;
        this.courses = courses;
        this.policy = policy;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void on(PatientConditionsChanged event) {
        for (Course course : courses.findWithFutureSessions(event.patientId(), clock.now())) {
            recheck(course);
            courses.saveAndFlush(course);
        }
    }

    /**
     * An admin changed the catalog the engine reads for these programs (a contraindication made absolute, a window
     * lengthened, a program linked to a contraindication): their booked future sessions are judged again in the
     * admin's transaction, flagged or cleared as after a clinical change.
     */
    @EventListener
    @Transactional
    public void on(CatalogChanged event) {
        if (event.programCodes().isEmpty()) {
            return;
        }
        for (Course course : courses.findWithFutureSessionsOfPrograms(event.programCodes(), clock.now())) {
            recheck(course);
            courses.saveAndFlush(course);
        }
    }

    /** The course's future booked sessions judged again: flagged, re-flagged or cleared. */
    void recheck(Course course) {
        boolean blockedBefore = course.isBlockedByRule();
        List<CourseSession> future = course.getSessions().stream()
                .filter(s -> s.getStatus() == SessionStatus.BOOKED && s.getStartsAt().isAfter(clock.now()))
                .toList();
        Evaluation evaluation = policy.standing(course, future);
        Map<Integer, Finding> blockBySession = evaluation.blocks().stream()
                .filter(f -> f.session() != null && DATED_RULES.contains(f.rule()))
                .collect(Collectors.toMap(Finding::session, f -> f, CourseRecheck::later));
        // A warning (a relative contraindication) not yet confirmed for this course needs a clinician's confirmation.
        Set<String> confirmed = overrides.findByCourseIdOrderById(course.getId()).stream()
                .map(RuleOverride::getFinding).collect(Collectors.toSet());
        Map<Integer, Finding> warningBySession = evaluation.findings().stream()
                .filter(f -> f.warns() && f.session() != null && DATED_RULES.contains(f.rule())
                        && !confirmed.contains(f.overrideKey()))
                .collect(Collectors.toMap(Finding::session, f -> f, (a, b) -> a));
        // Fail closed: if the engine could not evaluate, every future session needs a person to look at it.
        boolean engineFailed = evaluation.blocks().stream().anyMatch(f -> f.session() == null
                && RuleEngine.ENGINE_ERROR.equals(f.rule()));
        for (int i = 0; i < future.size(); i++) {
            CourseSession session = future.get(i);
            Finding block = engineFailed ? null : blockBySession.get(i + 1);
            Finding warning = engineFailed ? null : warningBySession.get(i + 1);
            if (engineFailed) {
                course.flag(session, RuleEngine.ENGINE_ERROR, null, RuleEngine.ENGINE_ERROR);
            }
            else if (block != null) {
                course.flag(session, block.rule(), block.clearsOn(), flagged(block));
            }
            else if (warning != null) {
                if (!NEEDS_CONFIRMATION.equals(session.getAttentionRule())) {
                    course.flag(session, NEEDS_CONFIRMATION, null, NEEDS_CONFIRMATION + " " + warning.overrideKey());
                }
            }
            else if (session.isFlaggedByClinicalRule()) {
                course.unflag(session);
            }
        }
        // The course's wait starts and ends with these acts; the dashboard measures how long courses waited.
        boolean blockedAfter = course.isBlockedByRule();
        if (!blockedBefore && blockedAfter) {
            course.blockedByRules(future.stream().filter(CourseSession::isFlaggedByClinicalRule)
                    .map(CourseSession::getAttentionRule).distinct().sorted().collect(Collectors.joining(", ")));
        }
        else if (blockedBefore && !blockedAfter) {
            course.unblocked();
        }
    }

    /** Of two blocks on one session, the one that lasts longer says when rebooking is possible. */
    private static Finding later(Finding a, Finding b) {
        if (a.clearsOn() == null) {
            return a;
        }
        if (b.clearsOn() == null) {
            return b;
        }
        return a.clearsOn().isAfter(b.clearsOn()) ? a : b;
    }

    /** The audit line's details in words for any reader: the rule, and until when where that is known. */
    private static String flagged(Finding block) {
        List<Phrase> phrases = new java.util.ArrayList<>(List.of(Phrase.of("rule." + block.rule())));
        if (block.clearsOn() != null) {
            phrases.add(Phrase.of("audit.detail.until", block.clearsOn()));
        }
        return Phrase.store(phrases);
    }
}
