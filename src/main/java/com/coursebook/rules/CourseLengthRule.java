package com.coursebook.rules;

import java.util.List;

import com.coursebook.rules.Facts.Proposal;

/** A course has as many sessions as the program allows, no fewer and no more. */
final class CourseLengthRule implements Rule {

    static final String CODE = "COURSE_LENGTH";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public boolean dateDependent() {
        return false;
    }

    @Override
    public List<Finding> evaluate(Proposal proposal) {
        if (proposal.stage() == Stage.CHECK_IN) {
            return List.of(); // the course's shape was settled at booking; check-in is about the day
        }
        int count = proposal.sessionDates().size();
        if (count >= proposal.program().minSessions() && count <= proposal.program().maxSessions()) {
            return List.of();
        }
        return List.of(new Finding(CODE, FindingSeverity.BLOCK, null, null, new Text("finding.courseLength", count,
                proposal.program().minSessions(), proposal.program().maxSessions()), null, null, null));
    }
}
