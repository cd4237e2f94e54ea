package com.coursebook.rules;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.coursebook.rules.Facts.Examination;
import com.coursebook.rules.Facts.Proposal;

/**
 * A program may require a clinician's examination clearing the patient, valid for a number of days before
 * the course starts. At booking a missing examination is noted (the first session starts with it), or
 * blocks if the clinic says so; at check-in it is a hard stop. An examination that did not clear the
 * patient always blocks.
 */
final class ExaminationRule implements Rule {

    static final String CODE = "EXAMINATION";

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
        if (!proposal.program().requiresExamination() || proposal.sessionDates().isEmpty()) {
            return List.of();
        }
        LocalDate courseStart = proposal.courseStart();
        LocalDate checkedOn = proposal.stage() == Stage.CHECK_IN ? proposal.sessionDates().get(0) : courseStart;
        Optional<Examination> latest = proposal.patient().examinations().stream()
                .filter(e -> !e.examinedOn().isAfter(checkedOn))
                .max(Comparator.comparing(Examination::examinedOn));
        if (latest.isPresent() && !latest.get().cleared()) {
            return List.of(new Finding(CODE, FindingSeverity.BLOCK, null, null,
                    new Text("finding.examination.notCleared", latest.get().examinedOn()), null, null, null));
        }
        boolean valid = latest.isPresent()
                && !latest.get().examinedOn().isBefore(courseStart.minusDays(proposal.program().examinationValidDays()));
        if (valid) {
            return List.of();
        }
        if (proposal.stage() == Stage.CHECK_IN) {
            return List.of(new Finding(CODE, FindingSeverity.BLOCK, 1, checkedOn,
                    new Text("finding.examination.checkIn"), null, null, null));
        }
        return proposal.program().examinationBlocksBooking()
                ? List.of(new Finding(CODE, FindingSeverity.BLOCK, null, null, new Text("finding.examination.required"),
                        null, null, null))
                : List.of(new Finding(CODE, FindingSeverity.INFO, null, null, new Text("finding.examination.first"),
                        null, null, null));
    }
}
