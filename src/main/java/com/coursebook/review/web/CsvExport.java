package com.coursebook.review.web;

import com.coursebook.review.CompletionReport;
import com.coursebook.review.ReviewCourse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The dashboard's tables as CSV: UTF-8 with a byte-order mark, because spreadsheet programs otherwise guess a
 * legacy code page and garble Cyrillic names; comma-separated, RFC 4180 quoting; numbers with a dot.
 */
final class CsvExport {

    private CsvExport() {
    }

    /** @param said a stored reason in the reader's words (the application's own reasons are stored as codes) */
    static ResponseEntity<byte[]> table(String name, CompletionReport report, UnaryOperator<String> said) {
        return switch (name) {
            case "figures" -> csv(name, List.of("figure", "value"), figureRows(report.totals()));
            case "reasons" -> csv(name, List.of("reason", "courses"), report.stoppedByReason().stream()
                    .map(r -> List.<Object>of(said.apply(r.reason()), r.courses())).toList());
            case "months" -> csv(name, List.of("month", "started", "completed", "stopped", "abandoned", "in_progress",
                    "completion_rate"), report.byMonth().stream().map(m -> row(m.month(), m.started(), m.completed(),
                            m.stopped(), m.abandoned(), m.inProgress(), m.completionRate())).toList());
            case "programs" -> csv(name, List.of("program", "started", "completed", "stopped", "abandoned",
                    "in_progress", "completion_rate"), report.byProgram().stream().map(p -> row(p.program(),
                            p.started(), p.completed(), p.stopped(), p.abandoned(), p.inProgress(),
                            p.completionRate())).toList());
            case "no-shows" -> csv(name, List.of("weekday", "hour", "no_shows", "planned"), report
                    .noShowsByWeekdayHour().stream().map(c -> row(c.weekday(), c.hour(), c.noShows(), c.planned()))
                    .toList());
            default -> throw new IllegalArgumentException(name);
        };
    }

    static ResponseEntity<byte[]> courses(List<ReviewCourse> courses, UnaryOperator<String> said) {
        return csv("courses", List.of("course_id", "patient", "record_number", "program", "practitioner", "started",
                "status", "status_reason", "attended", "prescribed", "no_shows"), courses.stream()
                        .map(c -> row(c.id(), c.patientName(), c.recordNumber(), c.program(), c.practitioner(),
                                c.started(), c.status(), said.apply(c.statusReason()), c.attended(), c.prescribed(), c.noShows()))
                        .toList());
    }

    static boolean known(String name) {
        return List.of("figures", "reasons", "months", "programs", "no-shows").contains(name);
    }

    private static List<List<Object>> figureRows(CompletionReport.Figures f) {
        return List.of(row("started", f.started()), row("completed", f.completed()), row("stopped", f.stopped()),
                row("abandoned", f.abandoned()), row("in_progress", f.inProgress()), row("finished", f.finished()),
                row("completion_rate", f.completionRate()), row("attended_sessions", f.attendedSessions()),
                row("planned_sessions", f.plannedSessions()), row("adherence", f.adherence()),
                row("no_shows", f.noShows()), row("no_show_rate", f.noShowRate()),
                row("average_days_first_to_last", f.averageDaysFirstToLast()),
                row("average_attended", f.averageAttended()), row("average_prescribed", f.averagePrescribed()),
                row("flagged", f.flagged()), row("flagged_average_wait_days", f.flaggedAverageWaitDays()),
                row("flagged_longest_wait_days", f.flaggedLongestWaitDays()), row("held", f.held()),
                row("held_average_wait_days", f.heldAverageWaitDays()),
                row("held_longest_wait_days", f.heldLongestWaitDays()));
    }

    private static List<Object> row(Object... values) {
        return java.util.Arrays.asList(values);
    }

    private static ResponseEntity<byte[]> csv(String name, List<String> header, List<List<Object>> rows) {
        String body = Stream.concat(Stream.of(header.stream().map(Object.class::cast).toList()), rows.stream())
                .map(row -> row.stream().map(CsvExport::cell).collect(Collectors.joining(",")))
                .collect(Collectors.joining("\r\n", "\uFEFF", "\r\n"));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("course-completion-" + name + ".csv").build().toString())
                .body(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Double d ? String.format(Locale.ROOT, "%s", d) : value.toString();
        // Quote what would break the row, and what a spreadsheet would run as a formula.
        if (text.startsWith("=") || text.startsWith("+") || text.startsWith("-") || text.startsWith("@")) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
