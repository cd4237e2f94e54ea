package com.coursebook.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.coursebook.catalog.Severity;
import com.coursebook.catalog.Temporality;
import com.coursebook.rules.Facts.Condition;
import com.coursebook.rules.Facts.Proposal;

/**
 * A window after an event (childbirth, abortion, genital surgery): sessions are refused from the event date
 * for the catalog's number of days (8 weeks by default). A window can end in the middle of a course; only
 * the sessions inside it are blocked.
 */
final class EventWindowRule implements Rule {

    static final String CODE = "EVENT_WINDOW";

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
            if (condition.temporality() != Temporality.WINDOW_AFTER_EVENT || condition.windowDays() == null) {
                continue;
            }
            LocalDate windowEnd = condition.onset().plusDays(condition.windowDays()); // first free day
            for (int i = 0; i < proposal.sessionDates().size(); i++) {
                LocalDate date = proposal.sessionDates().get(i);
                boolean inWindow = !date.isBefore(condition.onset()) && date.isBefore(windowEnd)
                        && (condition.resolvedOn() == null || date.isBefore(condition.resolvedOn()));
                if (inWindow) {
                    boolean absolute = condition.severity() == Severity.ABSOLUTE;
                    findings.add(new Finding(CODE, absolute ? FindingSeverity.BLOCK : FindingSeverity.WARN, i + 1,
                            date,
                            absolute ? new Text("finding.block.until", i + 1, date, windowEnd)
                                    : new Text("finding.warn", i + 1, date),
                            new Text("detail.window", condition.name(), condition.onset(), condition.windowDays(),
                                    windowEnd),
                            windowEnd, condition.code()));
                }
            }
        }
        return findings;
    }
}
