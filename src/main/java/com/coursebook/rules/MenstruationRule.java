package com.coursebook.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.coursebook.catalog.Severity;
import com.coursebook.rules.Facts.Proposal;
import com.coursebook.shared.Sex;

/**
 * No session on a predicted menstruation day, for programs the catalog pauses for it. Without cycle data the
 * days cannot be predicted; that is said (INFO) so reception asks the patient.
 */
final class MenstruationRule implements Rule {

    static final String CODE = "MENSTRUATION";

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
        Severity severity = proposal.program().menstruationSeverity();
        if (severity == null || proposal.patient().sex() != Sex.FEMALE) {
            return List.of();
        }
        var cycle = proposal.patient().cycle();
        if (cycle == null || (cycle.lastPeriodStart() == null && cycle.reportedStarts().isEmpty())) {
            return List.of(new Finding(CODE, FindingSeverity.INFO, null, null, new Text("finding.menstruation.noData"),
                    null, null, "MENSTRUATION"));
        }
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < proposal.sessionDates().size(); i++) {
            LocalDate date = proposal.sessionDates().get(i);
            Optional<MenstruationForecast.Period> period = MenstruationForecast.periodCovering(cycle, date);
            if (period.isPresent()) {
                LocalDate clears = period.get().lastDay().plusDays(1);
                boolean absolute = severity == Severity.ABSOLUTE;
                findings.add(new Finding(CODE, absolute ? FindingSeverity.BLOCK : FindingSeverity.WARN, i + 1, date,
                        absolute ? new Text("finding.block.until", i + 1, date, clears)
                                : new Text("finding.warn", i + 1, date),
                        new Text("detail.menstruation", period.get().firstDay(), period.get().lastDay()), clears,
                        "MENSTRUATION"));
            }
        }
        return findings;
    }
}
