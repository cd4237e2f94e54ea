package com.coursebook.course;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import com.coursebook.rules.FindingView;

/**
 * The answer to "can this course be booked?": the proposed sessions, every finding, the days skipped while
 * planning, and, when blocked, the earliest start from which the whole course could be booked.
 */
public record CourseCheck(boolean bookable, Long patientId, String programCode, Long practitionerId,
        int cadenceDays, List<ProposedSession> sessions, List<FindingView> findings, List<LocalDate> skippedDates,
        LocalDate earliestStart, Set<String> warningsToConfirm) {

    /** @param handsOnMinutes the program's progression (a shorter first gynecological session, rising) */
    public record ProposedSession(int number, LocalDateTime startsAt, LocalDateTime endsAt, int handsOnMinutes,
            Decision.Verdict state) {
    }
}
