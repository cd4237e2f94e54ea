package com.coursebook.patient;

import java.time.LocalDate;
import java.util.Locale;

import com.coursebook.shared.StaffLogin;

public record ExaminationView(Long id, String programCode, String programName, LocalDate examinedOn, boolean cleared,
        String findings, @StaffLogin String examinedBy) {

    public static ExaminationView of(Examination e, Locale locale) {
        return new ExaminationView(e.getId(), e.getProgram().getCode(), e.getProgram().getName().in(locale),
                e.getExaminedOn(), e.isCleared(), e.getFindings(), e.getExaminedBy());
    }
}
