package com.coursebook.rules;

import java.time.LocalDate;

/**
 * A finding as people read it. Clinical fields ({@code detail}, {@code condition}, {@code overrideKey}) are
 * null for readers who may not see clinical detail (receptionists).
 */
public record FindingView(String rule, FindingSeverity severity, Integer session, LocalDate date, String message,
        LocalDate clearsOn, String detail, String condition, String overrideKey) {
}
