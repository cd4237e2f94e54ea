package com.coursebook.review;

/** Which courses behind a dashboard number a drill-down lists. Each maps to a fixed SQL predicate over the scope. */
public enum Outcome {
    STARTED("true"),
    COMPLETED("scope.status = 'COMPLETED'"),
    STOPPED("scope.status = 'STOPPED'"),
    ABANDONED("scope.status = 'ABANDONED'"),
    IN_PROGRESS("scope.status IN ('PLANNED', 'ACTIVE', 'PAUSED')"),
    FINISHED("scope.status IN ('COMPLETED', 'STOPPED', 'ABANDONED')"),
    NO_SHOW("scope.no_shows > 0"),
    FLAGGED("scope.flagged"),
    HELD("scope.held");

    final String predicate;

    Outcome(String predicate) {
        this.predicate = predicate;
    }
}
