package com.coursebook.rules;

/** BLOCK refuses the session; WARN needs a clinician's written override; INFO is for the record. */
public enum FindingSeverity {
    BLOCK, WARN, INFO
}
