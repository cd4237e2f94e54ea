package com.coursebook.catalog;

/** How a contraindication lasts in time, which decides how the rule engine dates it. */
public enum Temporality {
    /** Until a clinician records it resolved (a tumour). */
    PERMANENT,
    /** With an expected end (fever, acute prostatitis). */
    EPISODIC,
    /** For a fixed number of days after an event (childbirth, surgery). */
    WINDOW_AFTER_EVENT,
    /** Recurs predictably (menstruation, from the cycle data). */
    RECURRING
}
