package com.coursebook.patient;

import java.time.LocalDate;
import java.util.Locale;

import com.coursebook.catalog.Contraindication;
import com.coursebook.catalog.Severity;
import com.coursebook.catalog.Temporality;
import com.coursebook.shared.StaffLogin;

/** A recorded condition for clinicians, with the catalog's current severity and timing. */
public record ConditionView(Long id, String code, String name, Severity severity, Temporality temporality,
        LocalDate onset, LocalDate expectedEnd, LocalDate resolvedOn, LocalDate windowEnds, String note,
        @StaffLogin String recordedBy) {

    public static ConditionView of(PatientCondition c, Locale locale) {
        Contraindication k = c.getContraindication();
        LocalDate windowEnds = k.getTemporality() == Temporality.WINDOW_AFTER_EVENT && k.getWindowDays() != null
                ? c.getOnset().plusDays(k.getWindowDays()) : null;
        return new ConditionView(c.getId(), k.getCode(), k.getName().in(locale), k.getSeverity(), k.getTemporality(),
                c.getOnset(), c.getExpectedEnd(), c.getResolvedOn(), windowEnds, c.getNote(), c.getRecordedBy());
    }

    /** Whether it still applies on the given day. */
    public boolean activeOn(LocalDate day) {
        if (day.isBefore(onset) || (resolvedOn != null && !day.isBefore(resolvedOn))) {
            return false;
        }
        if (windowEnds != null) {
            return day.isBefore(windowEnds);
        }
        return expectedEnd == null || !day.isAfter(expectedEnd);
    }
}
