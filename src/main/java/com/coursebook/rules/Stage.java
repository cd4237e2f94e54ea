package com.coursebook.rules;

/** When the engine is asked: a booking (or move) ahead of time, or the check-in on the day itself. */
public enum Stage {
    BOOKING, CHECK_IN
}
