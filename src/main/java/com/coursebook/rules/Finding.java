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

    /** A block on one session (1-based), with the date it falls on; no clinical detail behind it. */
    public static Finding blockOn(String rule, int session, LocalDate date, Text message) {
        return new Finding(rule, FindingSeverity.BLOCK, session, date, message, null, null, null);
    }

    /** A block on the whole course (not tied to one session); no clinical detail behind it. */
    public static Finding blockCourse(String rule, Text message) {
        return new Finding(rule, FindingSeverity.BLOCK, null, null, message, null, null, null);
    }

    /** The same finding, said of another session number (the engine numbers the sessions it was shown). */
    public Finding renumbered(int number) {
        if (session == null || session == number) {
            return this;
        }
        Object[] arguments = message.arguments().clone();
        if (arguments.length > 0 && session.equals(arguments[0])) {
            arguments[0] = number;
        }
        return new Finding(rule, severity, number, date, new Text(message.code(), arguments), detail, clearsOn,
                conditionCode);
    }

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
