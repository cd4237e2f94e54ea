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

    /** A planned course with its sessions, booked together or not at all. */
    static Course plan(Long patientId, TreatmentProgram program, Long practitionerId, int cadenceDays,
            List<Instant[]> slots, List<Long> rooms, String createdBy) {
        if (slots.isEmpty()) {
            throw new IllegalArgumentException("A course needs sessions");
        }
        Course course = new Course();
        course.patientId = patientId;
        course.program = program;
        course.practitionerId = practitionerId;
        course.prescribedSessions = slots.size();
        course.cadenceDays = cadenceDays;
        course.createdBy = createdBy;
        for (int i = 0; i < slots.size(); i++) {
            course.sessions.add(new CourseSession(course, i + 1, slots.get(i)[0], slots.get(i)[1], rooms.get(i)));
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
            statusReason = com.coursebook.shared.Phrase.of("course.reason.noShows", trailingNoShows).stored();
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

    /** More sessions, appended after the last; the count stays within the program's range. */
    void extend(List<Instant[]> slots, List<Long> rooms) {
        requireOpen();
        int next = sessions.stream().mapToInt(CourseSession::getSeqNo).max().orElse(0);
        for (int i = 0; i < slots.size(); i++) {
            sessions.add(new CourseSession(this, next + i + 1, slots.get(i)[0], slots.get(i)[1], rooms.get(i)));
        }
        prescribedSessions += slots.size();
    }

    /** Sessions still owed: prescribed minus those booked, in progress or attended (no-shows and cancellations leave gaps). */
    public int gap() {
        long counted = sessions.stream().filter(s -> s.getStatus() == SessionStatus.BOOKED
                || s.getStatus() == SessionStatus.CHECKED_IN || s.getStatus() == SessionStatus.ATTENDED).count();
        return (int) Math.max(0, prescribedSessions - counted);
    }

    /** Books a session in place of a missed or cancelled one; the prescription stays as it was. */
    CourseSession fillGap(Instant start, Instant end, Long roomId) {
        requireOpen();
        if (gap() == 0) {
            throw new com.coursebook.shared.ConflictException("course.noGap", getId());
        }
        int next = sessions.stream().mapToInt(CourseSession::getSeqNo).max().orElse(0) + 1;
        CourseSession session = new CourseSession(this, next, start, end, roomId);
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
