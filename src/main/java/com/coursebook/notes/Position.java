package com.coursebook.notes;

/** The patient's position during the massage. */
public enum Position {
    KNEE_ELBOW, SIDE_LYING, SUPINE, STANDING_BENT
}
