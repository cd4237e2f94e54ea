package com.coursebook.course;

/** The rules refuse the act (a block, or a warning no clinician has confirmed). Rendered as 422 or the plan again. */
public class BookingRefusedException extends RuntimeException {

    private final Decision decision;

    BookingRefusedException(Decision decision) {
        super("refused by the rules: " + decision.refusing().stream().map(f -> f.rule()).distinct().toList());
        this.decision = decision;
    }

    public Decision decision() {
        return decision;
    }
}
