package com.coursebook.course;

public enum SessionStatus {
    BOOKED, CHECKED_IN, ATTENDED, NO_SHOW, CANCELLED_EARLY, CANCELLED_LATE, CANCELLED_BY_CLINIC;

    public boolean isCancelled() {
        return name().startsWith("CANCELLED");
    }
}
