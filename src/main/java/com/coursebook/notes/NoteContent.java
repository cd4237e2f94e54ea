package com.coursebook.notes;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * What a clinician records about one session. A value: a draft is saved by replacing its content whole,
 * so the note never holds half of one edit and half of another. Blank text is stored as nothing, and a
 * sample label without a sample is dropped, so "empty" has one meaning everywhere.
 */
@Embeddable
public record NoteContent(
        @Column(name = "duration_minutes") Integer durationMinutes,
        @Enumerated(EnumType.STRING) @Column(name = "position") Position position,
        @Enumerated(EnumType.STRING) @Column(name = "route") Route route,
        @Column(name = "technique") String technique,
        @Enumerated(EnumType.STRING) @Column(name = "intensity") Intensity intensity,
        @Column(name = "tolerance") String tolerance,
        @Column(name = "pain_during") Integer painDuring,
        @Column(name = "pain_after") Integer painAfter,
        @Column(name = "findings") String findings,
        @Column(name = "sample_taken", nullable = false) boolean sampleTaken,
        @Column(name = "sample_label") String sampleLabel,
        @Column(name = "adverse_event", nullable = false) boolean adverseEvent,
        @Column(name = "adverse_events") String adverseEvents,
        @Enumerated(EnumType.STRING) @Column(name = "trend") Trend trend,
        @Column(name = "free_text") String freeText) {

    public static final NoteContent EMPTY = new NoteContent(null, null, null, null, null, null, null, null, null,
            false, null, false, null, null, null);

    public NoteContent {
        technique = text(technique);
        tolerance = text(tolerance);
        findings = text(findings);
        sampleLabel = sampleTaken ? text(sampleLabel) : null;
        adverseEvents = adverseEvent ? text(adverseEvents) : null; // a description without "yes" is not an event
        freeText = text(freeText);
    }

    public boolean hasAdverseEvents() {
        return adverseEvent;
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
