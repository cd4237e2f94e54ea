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
        return course;
    }

    private boolean isFinished() {
        return status == CourseStatus.COMPLETED || status == CourseStatus.STOPPED || status == CourseStatus.ABANDONED;
    }

    private void requireOpen() {
        if (isFinished()) {
            throw new com.coursebook.shared.ConflictException("course.finished", getId());
        }
    }

    /** Attendance decides where a planned or active course stands; returns the act it amounted to, if any. */
    String afterAttendance(int abandonAfterNoShows) {
        if (isFinished() || status == CourseStatus.PAUSED) {
            return null;
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
            statusReason = "no-shows: " + trailingNoShows;
            return "ABANDONED";
        }
        // Complete when the prescription is fulfilled; missed sessions leave a gap to rebook, not a completed course.
        long attended = live.stream().filter(s -> s.getStatus() == SessionStatus.ATTENDED).count();
        if (attended >= prescribedSessions) {
            status = CourseStatus.COMPLETED;
            return "COMPLETED";
        }
        if (anyAttended && status == CourseStatus.PLANNED) {
            status = CourseStatus.ACTIVE;
            return "STARTED";
        }
        return null;
    }

    /** A clinician ends the course early, with the reason. */
    void stop(String reason) {
        requireOpen();
        this.status = CourseStatus.STOPPED;
        this.statusReason = reason;
    }

    void pause(String reason) {
        requireOpen();
        if (status == CourseStatus.PAUSED) {
            throw new com.coursebook.shared.ConflictException("course.alreadyPaused", getId());
        }
        this.status = CourseStatus.PAUSED;
        this.statusReason = reason;
    }

    void resume() {
        if (status != CourseStatus.PAUSED) {
            throw new com.coursebook.shared.ConflictException("course.notPaused", getId());
        }
        boolean anyAttended = sessions.stream().anyMatch(s -> s.getStatus() == SessionStatus.ATTENDED);
        this.status = anyAttended ? CourseStatus.ACTIVE : CourseStatus.PLANNED;
        this.statusReason = null;
    }

    /** More sessions, appended after the last, as the policy allowed them. */
    void extend(Decision decision) {
        requireOpen();
        List<Decision.Place> places = decision.placesAllowed();
        int next = nextSeqNo();
        for (Decision.Place place : places) {
            sessions.add(new CourseSession(this, next++, place.slot(), place.roomId()));
        }
        prescribedSessions += places.size();
    }

    /** Sessions moved to the places the policy allowed ("this one", or "this and all later"). */
    void move(Decision decision) {
        requireOpen();
        for (Decision.Place place : decision.placesAllowed()) {
            if (place.session() == null || !sessions.contains(place.session())) {
                throw new IllegalArgumentException("A move places only this course's sessions");
            }
            place.session().moveTo(place.slot(), place.roomId());
        }
    }

    /** The patient has arrived and the policy found nothing against today's session. */
    void checkIn(CourseSession session, Decision decision, String by, Instant at) {
        if (!decision.placesAllowed().isEmpty() || !sessions.contains(session)) {
            throw new IllegalArgumentException("A check-in places nothing");
        }
        session.checkIn(by, at);
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
        return session;
    }

    /** Fewer sessions: the latest booked ones are cancelled by the clinic (kept, not deleted). */
    List<CourseSession> shortenBy(int count, String by, Instant at) {
        requireOpen();
        List<CourseSession> released = sessions.stream().filter(s -> s.getStatus() == SessionStatus.BOOKED)
                .sorted(Comparator.comparing(CourseSession::getStartsAt).reversed()).limit(count).toList();
        if (released.size() < count) {
            throw new com.coursebook.shared.ConflictException("course.shorten.tooFew", released.size());
        }
        released.forEach(s -> s.cancel(SessionStatus.CANCELLED_BY_CLINIC, by, at));
        prescribedSessions -= count;
        return released;
    }

    /**
     * A clinician must look at the course before it goes on (pain, an adverse event, a worse condition).
     * Its following sessions are held: check-in refuses them until the review is cleared.
     */
    void holdForReview(String reason) {
        requireOpen();
        this.needsReview = true;
        this.reviewReason = reason;
    }

    /** The clinician has reviewed the course and lets it go on. */
    void clearReview() {
        if (!needsReview) {
            throw new com.coursebook.shared.ConflictException("course.notUnderReview", getId());
        }
        this.needsReview = false;
        this.reviewReason = null;
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
