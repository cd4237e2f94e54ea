package com.coursebook.catalog;

public enum Specialty {
    UROLOGY, GYNECOLOGY, PROCTOLOGY, NURSING
}
