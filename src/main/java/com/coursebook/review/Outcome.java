package com.coursebook.review;

/** Which courses behind a dashboard number a drill-down lists. Each maps to a fixed SQL predicate. */
public enum Outcome {
    STARTED("true"),
    COMPLETED("status = 'COMPLETED'"),
    STOPPED("status = 'STOPPED'"),
    ABANDONED("status = 'ABANDONED'"),
    IN_PROGRESS("status IN ('PLANNED', 'ACTIVE', 'PAUSED')"),
    FINISHED("status IN ('COMPLETED', 'STOPPED', 'ABANDONED')"),
    NO_SHOW("no_shows > 0"),
    FLAGGED("flagged"),
    HELD("held");

    final String predicate;

    Outcome(String predicate) {
        this.predicate = predicate;
    }
}
