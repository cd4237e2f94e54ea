package com.coursebook.notes;

/** How the patient's condition has changed since the course began, as the clinician judges it. */
public enum Trend {
    BETTER, SAME, WORSE
}
