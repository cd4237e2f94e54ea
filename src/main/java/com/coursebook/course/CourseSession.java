package com.coursebook.course;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import com.coursebook.shared.TimeSlot;
import com.coursebook.shared.VersionedEntity;

/** One booked session of a course. The database refuses overlaps for its practitioner, patient and room. */
@Entity
@Table(name = "course_session")
public class CourseSession extends VersionedEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "course_id", updatable = false)
    private Course course;

    @Column(name = "patient_id", nullable = false, updatable = false)
    private Long patientId;

    @Column(name = "practitioner_id", nullable = false)
    private Long practitionerId;

    @Column(name = "room_id")
    private Long roomId;

    @Column(name = "seq_no", nullable = false)
    private int seqNo;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SessionStatus status = SessionStatus.BOOKED;

    @Column(name = "needs_attention", nullable = false)
    private boolean needsAttention;

    @Column(name = "attention_rule")
    private String attentionRule;

    @Column(name = "attention_until")
    private LocalDate attentionUntil;

    @Column(name = "status_changed_by")
    private String statusChangedBy;

    @Column(name = "status_changed_at")
    private Instant statusChangedAt;

    protected CourseSession() {
    }

    CourseSession(Course course, int seqNo, TimeSlot slot, Long roomId) {
        this.course = course;
        this.patientId = course.getPatientId();
        this.practitionerId = course.getPractitionerId();
        this.seqNo = seqNo;
        this.startsAt = slot.startsAt();
        this.endsAt = slot.endsAt();
        this.roomId = roomId;
    }

    /** To another time; only a booked session moves. The course moves it where the policy allowed. */
    void moveTo(TimeSlot slot, Long newRoomId) {
        if (status != SessionStatus.BOOKED) {
            throw new com.coursebook.shared.ConflictException("session.notMovable", seqNo);
        }
        this.startsAt = slot.startsAt();
        this.endsAt = slot.endsAt();
        this.roomId = newRoomId;
        clearAttention(); // the move was checked against the rules, so the old flag no longer applies
    }

    /** Cancelled by the patient (early or late) or by the clinic; the slot is freed at once. */
    void cancel(SessionStatus cancellation, String by, Instant at) {
        if (!cancellation.isCancelled()) {
            throw new IllegalArgumentException(cancellation + " is not a cancellation");
        }
        if (status != SessionStatus.BOOKED) {
            throw new com.coursebook.shared.ConflictException("session.notCancellable", seqNo);
        }
        this.status = cancellation;
        this.statusChangedBy = by;
        this.statusChangedAt = at;
        clearAttention();
    }

    /** The patient has arrived; the course checks in only what the policy allowed for today. */
    void checkIn(String by, Instant at) {
        requireStatus(SessionStatus.BOOKED, "session.notBooked");
        changeStatus(SessionStatus.CHECKED_IN, by, at);
    }

    /**
     * The session took place (from booked too: a clinician may record it without a separate check-in); only once
     * its time has begun, as for a no-show.
     */
    void markAttended(String by, Instant at) {
        if (status != SessionStatus.CHECKED_IN && status != SessionStatus.BOOKED) {
            throw new com.coursebook.shared.ConflictException("session.notBooked", seqNo);
        }
        if (at.isBefore(startsAt)) {
            throw new com.coursebook.shared.ConflictException("session.attended.early", seqNo);
        }
        changeStatus(SessionStatus.ATTENDED, by, at);
    }

    /** The patient did not come; only once the session's time has begun. */
    void markNoShow(String by, Instant at) {
        requireStatus(SessionStatus.BOOKED, "session.notBooked");
        if (at.isBefore(startsAt)) {
            throw new com.coursebook.shared.ConflictException("session.noShow.early", seqNo);
        }
        changeStatus(SessionStatus.NO_SHOW, by, at);
    }

    private void requireStatus(SessionStatus required, String messageCode) {
        if (status != required) {
            throw new com.coursebook.shared.ConflictException(messageCode, seqNo);
        }
    }

    private void changeStatus(SessionStatus next, String by, Instant at) {
        this.status = next;
        this.statusChangedBy = by;
        this.statusChangedAt = at;
    }

    /** A re-check found that a rule now blocks this session: keep it, but make sure someone acts. */
    void flagForAttention(String rule, LocalDate until) {
        this.needsAttention = true;
        this.attentionRule = rule;
        this.attentionUntil = until;
    }

    /**
     * Flagged by one of the rules about the patient, which a re-check of the patient's conditions may lift; not a
     * clinician's review hold, and not leave or a closure, which are lifted by their own acts.
     */
    boolean isFlaggedByClinicalRule() {
        return needsAttention && !CourseLifecycle.REVIEW_HOLD.equals(attentionRule)
                && !DaysOffRecheck.SCHEDULE_RULES.contains(attentionRule);
    }

    /** The block that flagged the session no longer applies. */
    void clearAttention() {
        this.needsAttention = false;
        this.attentionRule = null;
        this.attentionUntil = null;
    }

    public Course getCourse() {
        return course;
    }

    public Long getPatientId() {
        return patientId;
    }

    public Long getPractitionerId() {
        return practitionerId;
    }

    public Long getRoomId() {
        return roomId;
    }

    public int getSeqNo() {
        return seqNo;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public SessionStatus getStatus() {
        return status;
    }

    public boolean isNeedsAttention() {
        return needsAttention;
    }

    public String getAttentionRule() {
        return attentionRule;
    }

    public LocalDate getAttentionUntil() {
        return attentionUntil;
    }

    public String getStatusChangedBy() {
        return statusChangedBy;
    }

    public Instant getStatusChangedAt() {
        return statusChangedAt;
    }
}
