package com.coursebook.catalog;

public enum Specialty {
    UROLOGY, GYNECOLOGY, PROCTOLOGY, NURSING;

    /**
     * Whether a practitioner of this specialty may be qualified for a program of {@code program}'s specialty
     * (DOMAIN.md): their own; rectal massage (proctology) by any doctor, with a proctologist's approval; gynecological
     * massage also by a midwife or nurse trained in it. A urologist is never qualified for gynecological massage.
     */
    public boolean mayPerform(Specialty program) {
        return this == program
                || program == PROCTOLOGY && this != NURSING
                || program == GYNECOLOGY && this == NURSING;
    }
}
