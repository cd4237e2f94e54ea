package com.coursebook.course;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import com.coursebook.shared.StaffLogin;

/** A course as screens and the API show it; clinical fields are null for receptionists. */
public record CourseView(Long id, Long patientId, String programCode, String programName, Long practitionerId,
        CourseStatus status, String statusReason, int prescribedSessions, int cadenceDays, boolean underReview, List<SessionView> sessions,
        List<OverrideView> overrides) {

    public record SessionView(Long id, int number, LocalDateTime startsAt, LocalDateTime endsAt, SessionStatus status,
            boolean needsAttention, String attentionRule, LocalDate attentionUntil) {
    }

    /** A confirmed warning: who and when for everyone; what and why for clinicians only. */
    public record OverrideView(String rule, String finding, String reason, @StaffLogin String by, LocalDateTime at) {
    }

    public long attended() {
        return sessions.stream().filter(s -> s.status() == SessionStatus.ATTENDED).count();
    }

    public long missed() {
        return sessions.stream().filter(s -> s.status() == SessionStatus.NO_SHOW
                || s.status() == SessionStatus.CANCELLED_LATE).count();
    }

    /** Sessions still to come or still owed: the prescription minus those attended; none once the course ended. */
    public long remaining() {
        return ended() ? 0 : Math.max(0, prescribedSessions - attended());
    }

    /** Completed, stopped or abandoned: nothing more is to come. */
    public boolean ended() {
        return status == CourseStatus.COMPLETED || status == CourseStatus.STOPPED || status == CourseStatus.ABANDONED;
    }

    public long attentionCount() {
        return sessions.stream().filter(SessionView::needsAttention).count();
    }

    /** The next session to come; none while the course is paused or once it ended. */
    public SessionView nextSession(LocalDateTime now) {
        if (status == CourseStatus.PAUSED || ended()) {
            return null;
        }
        return sessions.stream().filter(s -> s.status() == SessionStatus.BOOKED && s.startsAt().isAfter(now))
                .min(java.util.Comparator.comparing(SessionView::startsAt)).orElse(null);
    }
}
