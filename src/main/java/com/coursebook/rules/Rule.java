package com.coursebook.rules;

import java.util.List;

import com.coursebook.rules.Facts.Proposal;

/** A named rule: looks at a proposal and says what it finds. Small, pure, and tested on its own. */
interface Rule {

    String code();

    /** Whether moving the course to other dates can change what this rule finds (for "earliest start"). */
    boolean dateDependent();

    List<Finding> evaluate(Proposal proposal);
}
