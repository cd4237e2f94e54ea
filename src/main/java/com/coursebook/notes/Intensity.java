package com.coursebook.notes;

/** Intensity compared with the last session: it normally rises, guided by what the patient feels. */
public enum Intensity {
    LOWER, SAME, HIGHER
}
