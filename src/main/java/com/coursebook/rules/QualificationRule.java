package com.coursebook.rules;

import java.util.List;

import com.coursebook.rules.Facts.Proposal;

/** Only a practitioner qualified for the program may perform it. */
final class QualificationRule implements Rule {

    static final String CODE = "QUALIFICATION";

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
        if (proposal.practitioner().programCodes().contains(proposal.program().code())) {
            return List.of();
        }
        return List.of(new Finding(CODE, FindingSeverity.BLOCK, null, null,
                new Text("finding.qualification", proposal.practitioner().name(), proposal.program().name()), null,
                null, null));
    }
}
