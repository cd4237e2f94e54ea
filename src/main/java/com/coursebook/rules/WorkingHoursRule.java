package com.coursebook.rules;

import java.util.ArrayList;
import java.util.List;

import com.coursebook.rules.Facts.Proposal;
import com.coursebook.rules.Facts.Visit;

/**
 * A session lies inside the practitioner's working hours and outside their breaks. A scheduling matter, not a
 * clinical one, judged beside the clinical rules so that one decision says everything. Only proposals that carry
 * the sessions' times are judged (check-in is about the day, not the hour).
 */
final class WorkingHoursRule implements Rule {

    static final String CODE = "WORKING_HOURS";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public boolean dateDependent() {
        return true; // the day of the week decides which hours apply
    }

    @Override
    public List<Finding> evaluate(Proposal proposal) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < proposal.visits().size(); i++) {
            Visit visit = proposal.visits().get(i);
            if (!proposal.practitioner().week().covers(visit)) {
                findings.add(Finding.blockOn(CODE, i + 1, visit.startsAt().toLocalDate(),
                        new Text("finding.workingHours", i + 1, visit.startsAt().toLocalDate(),
                                visit.startsAt().toLocalTime().toString(), proposal.practitioner().name())));
            }
        }
        return findings;
    }
}
