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

    /**
     * A clinician must look at the course before it goes on (pain, an adverse event, a worse condition).
     * Its following sessions are held: check-in refuses them until the review is cleared.
     */
    void holdForReview(String reason) {
        if (status == CourseStatus.COMPLETED || status == CourseStatus.STOPPED || status == CourseStatus.ABANDONED) {
            throw new com.coursebook.shared.ConflictException("course.finished", getId());
        }
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

    public Instant firstSessionStart() {
        return sessions.stream().map(CourseSession::getStartsAt).min(Comparator.naturalOrder()).orElse(null);
    }
}
