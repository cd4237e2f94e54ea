package com.coursebook.notes;

import java.util.ArrayList;
import java.util.List;

/**
 * When a signed note puts its course on hold until a clinician reviews it, and why, in a few words.
 * Pain during or after a session at or above the program's threshold (the catalog's; gynecological massage
 * from 4 of 10, since pain is itself a contraindication to going on, DOMAIN.md, 004); an adverse event marked
 * yes or a worse condition calls for a look at any program.
 */
final class ReviewRule {

    /** Long enough to recognise the event on a worklist; the note itself has the whole text. */
    static final int EVENT_EXCERPT = 60;

    private ReviewRule() {
    }

    /** A reason as a message code and its arguments, worded in the reader's language at the edge. */
    record Reason(String code, List<Object> arguments) {

        Reason(String code, Object... arguments) {
            this(code, List.of(arguments));
        }
    }

    static List<Reason> reasons(int painThreshold, int sessionNumber, NoteContent note) {
        List<Reason> reasons = new ArrayList<>();
        boolean during = atLeast(note.painDuring(), painThreshold);
        boolean after = atLeast(note.painAfter(), painThreshold);
        if (during && after) {
            reasons.add(new Reason("note.review.painDuringAndAfter", note.painDuring(), note.painAfter(),
                    sessionNumber));
        }
        else if (during) {
            reasons.add(new Reason("note.review.painDuring", note.painDuring(), sessionNumber));
        }
        else if (after) {
            reasons.add(new Reason("note.review.painAfter", note.painAfter(), sessionNumber));
        }
        if (note.hasAdverseEvents()) {
            reasons.add(new Reason("note.review.adverseEvent", sessionNumber, 
                    excerpt(note.adverseEvents() == null ? "" : note.adverseEvents())));
        }
        if (note.trend() == Trend.WORSE) {
            reasons.add(new Reason("note.review.worse", sessionNumber));
        }
        return reasons;
    }

    private static boolean atLeast(Integer pain, int threshold) {
        return pain != null && pain >= threshold;
    }

    private static String excerpt(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() <= EVENT_EXCERPT ? line : line.substring(0, EVENT_EXCERPT - 1).stripTrailing() + "\u2026";
    }
}
