package com.coursebook.catalog;

/** ABSOLUTE blocks a session; RELATIVE warns and needs a clinician's written override. */
public enum Severity {
    ABSOLUTE, RELATIVE
}
