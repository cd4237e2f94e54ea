package com.coursebook.course;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import com.coursebook.catalog.TreatmentProgram;

import com.coursebook.shared.VersionedEntity;

/** A prescribed series of sessions of one program for one patient with one practitioner. */
@Entity
@Table(name = "course")
public class Course extends VersionedEntity {

    @Column(name = "patient_id", nullable = false, updatable = false)
    private Long patientId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "program_id", updatable = false)
    private TreatmentProgram program;

    @Column(name = "practitioner_id", nullable = false)
    private Long practitionerId;

    @Column(name = "prescribed_sessions", nullable = false)
    private int prescribedSessions;

    @Column(name = "cadence_days", nullable = false)
    private int cadenceDays;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CourseStatus status = CourseStatus.PLANNED;

    @Column(name = "status_reason")
    private String statusReason;

    @Column(name = "needs_review", nullable = false)
    private boolean needsReview;

    @Column(name = "review_reason")
    private String reviewReason;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @OneToMany(mappedBy = "course", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("seqNo")
    private List<CourseSession> sessions = new ArrayList<>();

    protected Course() {
    }

    /**
     * A planned course with its sessions, booked together or not at all. Only an allowing decision of the
     * {@link BookingPolicy} places sessions; a refusing one is thrown as the refusal it is.
     */
    static Course plan(Decision decision, String createdBy) {
        List<Decision.Place> places = decision.placesAllowed();
        if (places.isEmpty()) {
            throw new IllegalArgumentException("A course needs sessions");
        }
        Course course = new Course();
        course.patientId = decision.subject().patientId();
        course.program = decision.subject().program();
        course.practitionerId = decision.subject().practitionerId();
        course.prescribedSessions = places.size();
        course.cadenceDays = decision.subject().cadenceDays();
        course.createdBy = createdBy;
        for (int i = 0; i < places.size(); i++) {
            course.sessions.add(new CourseSession(course, i + 1, places.get(i).slot(), places.get(i).roomId()));
        }
        course.register(new CourseAct.Booked(course));
        return course;
    }

    /** A warning of the booking decision that a clinician confirmed, for the record. */
    void warningConfirmed(String overrideKey) {
        register(new CourseAct.WarningConfirmed(getId(), patientId, overrideKey));
    }


    private boolean isFinished() {
        return status == CourseStatus.COMPLETED || status == CourseStatus.STOPPED || status == CourseStatus.ABANDONED;
    }

    private void requireOpen() {
        if (isFinished()) {
            throw new com.coursebook.shared.ConflictException("course.finished", getId());
        }
    }

    /** Attended or no-show; where the course stands follows (started, completed, abandoned after no-shows). */
    /** @param tookPlace sessions with a signed note: they took place, so an abandoned course does not release them */
    void recordAttendance(CourseSession session, SessionStatus outcome, String by, Instant at,
            int abandonAfterNoShows, java.util.Set<Long> tookPlace) {
        switch (outcome) {
            case ATTENDED -> session.markAttended(by, at);
            case NO_SHOW -> session.markNoShow(by, at);
            default -> throw new IllegalArgumentException(outcome + " is not an attendance");
        }
        register(new SessionAct.AttendanceRecorded(session.getId(), patientId, outcome));
        afterAttendance(abandonAfterNoShows, at, tookPlace);
    }

    /** Attendance decides where a planned or active course stands. */
    private void afterAttendance(int abandonAfterNoShows, Instant at, java.util.Set<Long> tookPlace) {
        if (isFinished() || status == CourseStatus.PAUSED) {
            return;
        }
        List<CourseSession> live = sessions.stream().filter(s -> !s.getStatus().isCancelled()).toList();
        boolean anyAttended = live.stream().anyMatch(s -> s.getStatus() == SessionStatus.ATTENDED);
        int trailingNoShows = 0;
        for (CourseSession s : live.stream().filter(s -> s.getStatus() == SessionStatus.ATTENDED
                || s.getStatus() == SessionStatus.NO_SHOW).sorted(Comparator.comparing(CourseSession::getStartsAt)
                .reversed()).toList()) {
            if (s.getStatus() != SessionStatus.NO_SHOW) {
                break;
            }
            trailingNoShows++;
        }
        if (trailingNoShows >= abandonAfterNoShows) {
            status = CourseStatus.ABANDONED;
            statusReason = com.coursebook.shared.Phrase.of("course.reason.noShows", trailingNoShows).stored();
            releaseBooked("system", at, tookPlace); // the slots are free again; the patient is not coming
            register(new CourseAct.Abandoned(getId(), patientId, statusReason));
            return;
        }
        // Complete when the prescription is fulfilled; missed sessions leave a gap to rebook, not a completed course.
        long attended = live.stream().filter(s -> s.getStatus() == SessionStatus.ATTENDED).count();
        if (attended >= prescribedSessions) {
            status = CourseStatus.COMPLETED;
            register(new CourseAct.Completed(getId(), patientId));
        }
        else if (anyAttended && status == CourseStatus.PLANNED) {
            status = CourseStatus.ACTIVE;
            register(new CourseAct.Started(getId(), patientId));
        }
    }

    /**
     * The booked sessions are cancelled by the clinic (kept for the record), so their slots are free again; not one
     * with a signed note ({@code tookPlace}), which took place whatever its attendance says (the database refuses too).
     */
    private void releaseBooked(String by, Instant at, java.util.Set<Long> tookPlace) {
        sessions.stream().filter(s -> s.getStatus() == SessionStatus.BOOKED && !tookPlace.contains(s.getId()))
                .forEach(s -> s.cancel(SessionStatus.CANCELLED_BY_CLINIC, by, at));
    }

    /** A clinician ends the course early, with the reason; its remaining sessions are released. */
    void stop(String reason, String by, Instant at, java.util.Set<Long> tookPlace) {
        requireOpen();
        this.status = CourseStatus.STOPPED;
        this.statusReason = reason;
        releaseBooked(by, at, tookPlace); // attended ones (and those with a signed note) stay as they were
        register(new CourseAct.Stopped(getId(), patientId, reason));
    }

    void pause(String reason) {
        requireOpen();
        if (status == CourseStatus.PAUSED) {
            throw new com.coursebook.shared.ConflictException("course.alreadyPaused", getId());
        }
        this.status = CourseStatus.PAUSED;
        this.statusReason = reason;
        register(new CourseAct.Paused(getId(), patientId, reason));
    }

    void resume() {
        if (status != CourseStatus.PAUSED) {
            throw new com.coursebook.shared.ConflictException("course.notPaused", getId());
        }
        boolean anyAttended = sessions.stream().anyMatch(s -> s.getStatus() == SessionStatus.ATTENDED);
        this.status = anyAttended ? CourseStatus.ACTIVE : CourseStatus.PLANNED;
        this.statusReason = null;
        register(new CourseAct.Resumed(getId(), patientId));
    }

    /** More sessions, appended after the last, as the policy allowed them. */
    void extend(Decision decision) {
        requireOpen();
        List<Decision.Place> places = decision.placesAllowed();
        int next = nextSeqNo();
        for (Decision.Place place : places) {
            sessions.add(new CourseSession(this, next++, place.slot(), place.roomId()));
        }
        register(new CourseAct.Resized(getId(), patientId, prescribedSessions, prescribedSessions + places.size()));
        prescribedSessions += places.size();
    }

    /**
     * Sessions moved to the places the policy allowed ("this one", or "this and all later"); the act is recorded on
     * the first of them, with how many moved along.
     */
    void move(Decision decision, String details) {
        requireOpen();
        List<Decision.Place> places = decision.placesAllowed();
        for (Decision.Place place : places) {
            if (place.session() == null || !sessions.contains(place.session())) {
                throw new IllegalArgumentException("A move places only this course's sessions");
            }
            place.session().moveTo(place.slot(), place.roomId());
        }
        register(new SessionAct.Moved(places.get(0).session().getId(), patientId, details));
    }

    /** Cancelled by the patient (early or late) or by the clinic; the slot is free at once. */
    void cancel(CourseSession session, SessionStatus cancellation, String by, Instant at) {
        requireOwn(session);
        session.cancel(cancellation, by, at);
        register(new SessionAct.Cancelled(session.getId(), patientId, cancellation));
    }

    /** The patient has arrived and the policy found nothing against today's session. */
    void checkIn(CourseSession session, Decision decision, String by, Instant at) {
        requireOwn(session);
        if (!decision.placesAllowed().isEmpty()) {
            throw new IllegalArgumentException("A check-in places nothing");
        }
        session.checkIn(by, at);
        register(new SessionAct.CheckedIn(session.getId(), patientId));
    }

    /** A rule, leave or a closure now stands against one of its booked sessions: flagged for a person to see. */
    void flag(CourseSession session, String rule, java.time.LocalDate until, String details) {
        requireOwn(session);
        session.flagForAttention(rule, until);
        register(new SessionAct.Flagged(session.getId(), patientId, details));
    }

    /** What flagged the session no longer stands. */
    void unflag(CourseSession session) {
        requireOwn(session);
        session.clearAttention();
        register(new SessionAct.Unflagged(session.getId(), patientId));
    }

    /** After a re-check: a course that waits for a clinical rule to clear, or no longer does. */
    void blockedByRules(String rules) {
        register(new CourseAct.Blocked(getId(), patientId, rules));
    }

    void unblocked() {
        register(new CourseAct.Unblocked(getId(), patientId));
    }

    private void requireOwn(CourseSession session) {
        if (!sessions.contains(session)) {
            throw new IllegalArgumentException("Not a session of this course");
        }
    }

    private int nextSeqNo() {
        return sessions.stream().mapToInt(CourseSession::getSeqNo).max().orElse(0) + 1;
    }

    /** Sessions still owed: prescribed minus those booked, in progress or attended (no-shows and cancellations leave gaps). */
    public int gap() {
        long counted = sessions.stream().filter(s -> s.getStatus() == SessionStatus.BOOKED
                || s.getStatus() == SessionStatus.CHECKED_IN || s.getStatus() == SessionStatus.ATTENDED).count();
        return (int) Math.max(0, prescribedSessions - counted);
    }

    /** Books a session in place of a missed or cancelled one, as the policy allowed; the prescription stays. */
    CourseSession fillGap(Decision decision) {
        requireOpen();
        if (gap() == 0) {
            throw new com.coursebook.shared.ConflictException("course.noGap", getId());
        }
        List<Decision.Place> places = decision.placesAllowed();
        if (places.size() != 1 || places.get(0).session() != null) {
            throw new IllegalArgumentException("A replacement is one new session");
        }
        CourseSession session = new CourseSession(this, nextSeqNo(), places.get(0).slot(), places.get(0).roomId());
        sessions.add(session);
        register(new SessionAct.Rebooked(session, "at " + places.get(0).slot().startsAt()));
        return session;
    }

    /** Fewer sessions: the latest booked ones are cancelled by the clinic (kept, not deleted). */
    List<CourseSession> shortenBy(int count, String by, Instant at, java.util.Set<Long> tookPlace) {
        requireOpen();
        List<CourseSession> released = sessions.stream()
                .filter(s -> s.getStatus() == SessionStatus.BOOKED && !tookPlace.contains(s.getId()))
                .sorted(Comparator.comparing(CourseSession::getStartsAt).reversed()).limit(count).toList();
        if (released.size() < count) {
            throw new com.coursebook.shared.ConflictException("course.shorten.tooFew", released.size());
        }
        released.forEach(s -> s.cancel(SessionStatus.CANCELLED_BY_CLINIC, by, at));
        register(new CourseAct.Resized(getId(), patientId, prescribedSessions, prescribedSessions - count));
        prescribedSessions -= count;
        return released;
    }

    /**
     * A clinician must look at the course before it goes on (pain, an adverse event, a worse condition).
     * Its following sessions are held: check-in refuses them until the review is cleared.
     */
    void holdForReview(String reason, Instant now) {
        requireOpen();
        this.needsReview = true;
        this.reviewReason = reason;
        sessions.stream().filter(s -> s.getStatus() == SessionStatus.BOOKED && s.getStartsAt().isAfter(now))
                .forEach(s -> s.flagForAttention(CourseLifecycle.REVIEW_HOLD, null));
        register(new CourseAct.HeldForReview(getId(), patientId, reason));
    }

    /** The clinician has reviewed the course and lets it go on: the hold is lifted from its sessions. */
    void clearReview(String note) {
        if (!needsReview) {
            throw new com.coursebook.shared.ConflictException("course.notUnderReview", getId());
        }
        this.needsReview = false;
        this.reviewReason = null;
        sessions.stream().filter(s -> CourseLifecycle.REVIEW_HOLD.equals(s.getAttentionRule()))
                .forEach(CourseSession::clearAttention);
        register(new CourseAct.Reviewed(getId(), patientId, note));
    }

    public String getReviewReason() {
        return reviewReason;
    }

    public Long getPatientId() {
        return patientId;
    }

    public TreatmentProgram getProgram() {
        return program;
    }

    public Long getPractitionerId() {
        return practitionerId;
    }

    public int getPrescribedSessions() {
        return prescribedSessions;
    }

    public int getCadenceDays() {
        return cadenceDays;
    }

    public CourseStatus getStatus() {
        return status;
    }

    public String getStatusReason() {
        return statusReason;
    }

    public boolean isNeedsReview() {
        return needsReview;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public List<CourseSession> getSessions() {
        return List.copyOf(sessions);
    }

    /** A clinical rule blocks one of its booked sessions (not a review hold, not leave or a closure). */
    boolean isBlockedByRule() {
        return sessions.stream().anyMatch(s -> s.getStatus() == SessionStatus.BOOKED && s.isFlaggedByClinicalRule());
    }

    public Instant firstSessionStart() {
        return sessions.stream().map(CourseSession::getStartsAt).min(Comparator.naturalOrder()).orElse(null);
    }
}
