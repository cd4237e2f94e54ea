package com.coursebook.review;

import java.util.List;

/**
 * The completion figures for one filter. Rates are fractions (0..1), null where the denominator is zero.
 * completionRate = completed / finished (finished = completed + stopped + abandoned; courses still in progress
 * have no outcome yet, so they are left out rather than counted as failures).
 * adherence = attended / planned and noShowRate = noShows / planned, where planned counts the sessions whose
 * time has come, except those the clinic cancelled (the patient cannot be blamed for those).
 * averageAttended and averagePrescribed are over finished courses, where the count of attended sessions is final.
 * flagged counts courses a rule blocked (a session flagged by a re-check), held those held for a clinician's review;
 * their wait figures are the days from the block (hold) to its lifting (the review), the end of the course, or now,
 * averaged and at most over the courses that waited.
 */
public record CompletionReport(ReviewFilter filter, Figures totals, List<Reason> stoppedByReason, List<Month> byMonth,
        List<Program> byProgram, List<NoShowCell> noShowsByWeekdayHour) {

    public record Figures(long started, long completed, long stopped, long abandoned, long inProgress, long finished,
            Double completionRate, long attendedSessions, long plannedSessions, Double adherence, long noShows,
            Double noShowRate, Double averageDaysFirstToLast, Double averageAttended, Double averagePrescribed,
            long flagged, Double flaggedAverageWaitDays, Double flaggedLongestWaitDays, long held,
            Double heldAverageWaitDays, Double heldLongestWaitDays) {
    }

    public record Reason(String reason, long courses) {
    }

    /** The same report with each stop reason put into words (the application's own reasons are stored as codes). */
    public CompletionReport withReasons(java.util.function.UnaryOperator<String> said) {
        return new CompletionReport(filter, totals, stoppedByReason.stream()
                .map(r -> new Reason(said.apply(r.reason()), r.courses())).toList(), byMonth, byProgram,
                noShowsByWeekdayHour);
    }

    public record Month(String month, long started, long completed, long stopped, long abandoned, long inProgress,
            Double completionRate) {
    }

    public record Program(String program, long started, long completed, long stopped, long abandoned,
            long inProgress, Double completionRate) {
    }

    /**
     * weekday is ISO (1 = Monday); hour is the clinic's local hour of the session start. The grid counts the sessions
     * held (or missed) in the period, wherever their course started: it answers "when do patients stay away".
     */
    public record NoShowCell(int weekday, int hour, long noShows, long planned) {
    }
}
