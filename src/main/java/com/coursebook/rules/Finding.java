package com.coursebook.rules;

import java.time.LocalDate;

/**
 * One thing the engine found.
 *
 * @param rule          the rule that found it (e.g. CONTRAINDICATION, EVENT_WINDOW, CADENCE)
 * @param severity      BLOCK, WARN or INFO
 * @param session       the 1-based number of the proposed session it concerns; null for the whole course
 * @param date          that session's date; null for the whole course
 * @param message       what staff (and the patient) are told; no clinical detail
 * @param detail        the finding behind it, for clinicians only (null when there is nothing clinical)
 * @param clearsOn      the first date on which it no longer applies, where that is known
 * @param conditionCode the catalog code of the contraindication behind it, for clinicians only
 */
public record Finding(String rule, FindingSeverity severity, Integer session, LocalDate date, Text message, Text detail,
        LocalDate clearsOn, String conditionCode) {

    /** What a clinician's override names: the rule and the condition, for every session of the course. */
    public String overrideKey() {
        return conditionCode == null ? rule : rule + ":" + conditionCode;
    }

    public boolean blocks() {
        return severity == FindingSeverity.BLOCK;
    }

    public boolean warns() {
        return severity == FindingSeverity.WARN;
    }
}
