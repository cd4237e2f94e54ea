package com.coursebook.review;

import java.time.LocalDate;

import com.coursebook.shared.InvalidRequestException;

/**
 * Which courses a review looks at: those whose first session falls between {@code from} and {@code to}
 * (both inclusive, clinic dates), optionally of one location, program and practitioner.
 */
public record ReviewFilter(LocalDate from, LocalDate to, Long location, String program, Long practitioner) {

    /** Ten years is far more than anyone reviews at once, and keeps a mistyped year from scanning everything. */
    static final int MAX_DAYS = 3660;

    public ReviewFilter {
        if (from == null) {
            throw new InvalidRequestException("from", "review.range.missing");
        }
        if (to == null) {
            throw new InvalidRequestException("to", "review.range.missing");
        }
        if (to.isBefore(from)) {
            throw new InvalidRequestException("to", "review.range.reversed");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new InvalidRequestException("to", "review.range.tooLong");
        }
        program = program == null || program.isBlank() ? null : program.trim();
    }

    /** The dashboard opens on the last twelve calendar months, this one included. */
    public static ReviewFilter orDefaults(LocalDate from, LocalDate to, Long location, String program,
            Long practitioner, LocalDate today) {
        return new ReviewFilter(from != null ? from : today.withDayOfMonth(1).minusMonths(11), to != null ? to : today,
                location, program, practitioner);
    }

    /** The filter as query parameters, for drill-down links, CSV links and the chart data URL. */
    public String query() {
        StringBuilder query = new StringBuilder("from=").append(from).append("&to=").append(to);
        if (location != null) {
            query.append("&location=").append(location);
        }
        if (program != null) {
            query.append("&program=").append(java.net.URLEncoder.encode(program, java.nio.charset.StandardCharsets.UTF_8));
        }
        if (practitioner != null) {
            query.append("&practitioner=").append(practitioner);
        }
        return query.toString();
    }

    @Override
    public String toString() {
        return query();
    }
}
