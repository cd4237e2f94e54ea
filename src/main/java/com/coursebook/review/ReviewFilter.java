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
        problemWith(from, to).ifPresent(problem -> {
            throw problem;
        });
        program = program == null || program.isBlank() ? null : program.trim();
    }

    /** What is wrong with a period, if anything: a screen shows it beside what was typed, the API answers 400. */
    public static java.util.Optional<InvalidRequestException> problemWith(LocalDate from, LocalDate to) {
        if (from == null) {
            return java.util.Optional.of(new InvalidRequestException("from", "review.range.missing"));
        }
        if (to == null) {
            return java.util.Optional.of(new InvalidRequestException("to", "review.range.missing"));
        }
        if (to.isBefore(from)) {
            return java.util.Optional.of(new InvalidRequestException("to", "review.range.reversed"));
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            return java.util.Optional.of(new InvalidRequestException("to", "review.range.tooLong"));
        }
        return java.util.Optional.empty();
    }

    /** The dashboard opens on the last twelve calendar months, this one included. */
    public static ReviewFilter orDefaults(LocalDate from, LocalDate to, Long location, String program,
            Long practitioner, LocalDate today) {
        return new ReviewFilter(from != null ? from : defaultFrom(today), to != null ? to : today, location, program,
                practitioner);
    }

    /** The first day of the period shown when none is chosen: eleven months before this one began. */
    public static LocalDate defaultFrom(LocalDate today) {
        return today.withDayOfMonth(1).minusMonths(11);
    }

    /** The filter as query parameters, for drill-down links, CSV links and the chart data URL. */
    public String query() {
        StringBuilder query = new StringBuilder("from=").append(from).append("&to=").append(to);
        if (location != null) {
            query.append("&location=").append(location);
        }
        if (program != null) {
            query.append("&program=").append(encode(program));
        }
        if (practitioner != null) {
            query.append("&practitioner=").append(practitioner);
        }
        return query.toString();
    }

    /** The same filter narrowed to one program, for the "by program" drill-down links. */
    public ReviewFilter withProgram(String code) {
        return new ReviewFilter(from, to, location, code, practitioner);
    }

    /**
     * The query of a drill-down: this filter, the outcome, and the month and stop reason only when given (an
     * empty reason is a real choice, "no reason given", so an absent one must not be sent as empty).
     */
    public String drillDown(Outcome outcome, String month, String reason) {
        StringBuilder query = new StringBuilder(query()).append("&outcome=").append(outcome);
        if (month != null && !month.isBlank()) {
            query.append("&month=").append(encode(month));
        }
        if (reason != null) {
            query.append("&reason=").append(encode(reason));
        }
        return query.toString();
    }

    /** Percent-encoding throughout (a space as %20, not +), which every reader of a URL decodes the same way. */
    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return query();
    }
}
