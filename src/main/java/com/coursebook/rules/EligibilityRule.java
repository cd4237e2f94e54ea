package com.coursebook.rules;

import java.util.List;

import com.coursebook.rules.Facts.Proposal;

/** A program for men is not booked for a woman, and the other way round. */
final class EligibilityRule implements Rule {

    static final String CODE = "ELIGIBILITY";

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
        if (proposal.program().eligibleSex().admits(proposal.patient().sex())) {
            return List.of();
        }
        return List.of(new Finding(CODE, FindingSeverity.BLOCK, null, null,
                new Text("finding.eligibility." + proposal.program().eligibleSex(), proposal.program().name()), null,
                null, null));
    }
}
