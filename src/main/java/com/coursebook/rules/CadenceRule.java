package com.coursebook.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.coursebook.rules.Facts.Proposal;

/** Sessions keep the program's minimum gap in days and its maximum per calendar week (Monday to Sunday). */
final class CadenceRule implements Rule {

    static final String CODE = "CADENCE";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public boolean dateDependent() {
        return true; // the weekly maximum depends on which weekday the course starts
    }

    @Override
    public List<Finding> evaluate(Proposal proposal) {
        if (proposal.stage() == Stage.CHECK_IN) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        List<LocalDate> dates = proposal.sessionDates();
        int minGap = proposal.program().minGapDays();
        int maxPerWeek = proposal.program().maxPerWeek();
        Map<LocalDate, Integer> perWeek = new HashMap<>();
        for (int i = 0; i < dates.size(); i++) {
            LocalDate date = dates.get(i);
            if (i > 0) {
                long gap = ChronoUnit.DAYS.between(dates.get(i - 1), date);
                if (gap < minGap) {
                    findings.add(new Finding(CODE, FindingSeverity.BLOCK, i + 1, date,
                            new Text("finding.cadence.gap", i + 1, date, gap, minGap), null, null, null));
                }
            }
            int inWeek = perWeek.merge(date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), 1, Integer::sum);
            if (inWeek > maxPerWeek) {
                findings.add(new Finding(CODE, FindingSeverity.BLOCK, i + 1, date,
                        new Text("finding.cadence.week", i + 1, date, inWeek, maxPerWeek), null, null, null));
            }
        }
        return findings;
    }
}
