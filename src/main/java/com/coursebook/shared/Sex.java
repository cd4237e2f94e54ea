package com.coursebook.shared;

/** Sex as recorded for clinical eligibility (programs are restricted by it). */
public enum Sex {
    MALE, FEMALE
}
