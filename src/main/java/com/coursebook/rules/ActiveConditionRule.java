package com.coursebook.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.coursebook.catalog.Severity;
import com.coursebook.catalog.Temporality;
import com.coursebook.rules.Facts.Condition;
import com.coursebook.rules.Facts.Proposal;

/**
 * A recorded condition, permanent until resolved or episodic with an expected end, applies on every date
 * from its onset to its expected end (inclusive) and before the date it was resolved. Absolute blocks,
 * relative warns. Evaluated for each session's own date, not for today.
 */
final class ActiveConditionRule implements Rule {

    static final String CODE = "CONTRAINDICATION";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public boolean dateDependent() {
        return true;
    }

    @Override
    public List<Finding> evaluate(Proposal proposal) {
        List<Finding> findings = new ArrayList<>();
        for (Condition condition : proposal.patient().conditions()) {
            if (condition.temporality() == Temporality.WINDOW_AFTER_EVENT) {
                continue; // dated from the event: EventWindowRule
            }
            for (int i = 0; i < proposal.sessionDates().size(); i++) {
                LocalDate date = proposal.sessionDates().get(i);
                if (isActiveOn(condition, date)) {
                    findings.add(finding(condition, i + 1, date));
                }
            }
        }
        return findings;
    }

    static boolean isActiveOn(Condition condition, LocalDate date) {
        LocalDate expectedEnd = expectedEnd(condition);
        return !date.isBefore(condition.onset())
                && (condition.resolvedOn() == null || date.isBefore(condition.resolvedOn()))
                && (expectedEnd == null || !date.isAfter(expectedEnd));
    }

    /**
     * The expected end the rule honours: none for a condition that lasts until resolved (a tumour, a pain
     * stop), even if an old row carries one, so only resolving ends it (errs toward blocking).
     */
    static LocalDate expectedEnd(Condition condition) {
        return condition.temporality() == Temporality.PERMANENT ? null : condition.expectedEnd();
    }

    /** The first day it no longer applies: the day after the expected end, or the resolution date. */
    static LocalDate clearsOn(Condition condition) {
        LocalDate afterEnd = expectedEnd(condition) == null ? null : expectedEnd(condition).plusDays(1);
        LocalDate resolved = condition.resolvedOn();
        if (afterEnd == null) {
            return resolved;
        }
        return resolved == null || afterEnd.isBefore(resolved) ? afterEnd : resolved;
    }

    private static Finding finding(Condition condition, int session, LocalDate date) {
        LocalDate clears = clearsOn(condition);
        boolean absolute = condition.severity() == Severity.ABSOLUTE;
        Text message = absolute
                ? (clears == null ? new Text("finding.block.open", session, date)
                        : new Text("finding.block.until", session, date, clears))
                : new Text("finding.warn", session, date);
        Text detail = expectedEnd(condition) == null
                ? new Text("detail.condition.open", condition.name(), condition.onset())
                : new Text("detail.condition.until", condition.name(), condition.onset(), expectedEnd(condition));
        return new Finding(CODE, absolute ? FindingSeverity.BLOCK : FindingSeverity.WARN, session, date, message,
                detail, clears, condition.code());
    }
}
