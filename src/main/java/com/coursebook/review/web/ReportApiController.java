package com.coursebook.review.web;

import com.coursebook.review.AbandonmentWatch;
import com.coursebook.review.CompletionReport;
import com.coursebook.review.CourseCompletion;
import com.coursebook.review.ReviewFilter;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The completion figures as JSON, for other systems and for the dashboard's own charts. */
@RestController
class ReportApiController {

    private final CourseCompletion completion;

    private final AbandonmentWatch watch;

    private final org.springframework.context.MessageSource messages;

    ReportApiController(CourseCompletion completion, AbandonmentWatch watch,
            org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.completion = completion;
        this.watch = watch;
    }

    /** The admin's worklist: running courses one no-show away from being marked abandoned. */
    @GetMapping("/api/reports/about-to-be-abandoned")
    java.util.List<AbandonmentWatch.AtRisk> aboutToBeAbandoned() {
        return watch.aboutToBeAbandoned();
    }

    @GetMapping("/api/reports/course-completion")
    CompletionReport courseCompletion(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long location, @RequestParam(required = false) String program,
            @RequestParam(required = false) Long practitioner, java.util.Locale locale) {
        // Both dates are required here (no defaults): a script should say which period it means.
        return completion.report(new ReviewFilter(from, to, location, program, practitioner))
                .withReasons(stored -> com.coursebook.shared.Phrase.render(stored, p -> messages.getMessage(p.code(),
                        p.arguments().toArray(), p.stored(), locale)));
    }
}
