package com.coursebook.review.web;

import com.coursebook.review.AbandonmentWatch;
import com.coursebook.review.CourseCompletion;
import com.coursebook.review.Outcome;
import com.coursebook.review.web.ReviewChoices;
import com.coursebook.review.ReviewFilter;
import java.time.LocalDate;

import com.coursebook.shared.ClinicClock;
import com.coursebook.shared.NotFoundException;
import com.coursebook.shared.Phrase;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The admin's review screens: the dashboard, the courses behind a number, one course, and CSV of each table. */
@Controller
class ReviewController {

    private final CourseCompletion completion;

    private final ReviewChoices choices;

    private final ClinicClock clock;

    private final AbandonmentWatch watch;

    private final MessageSource messages;

    ReviewController(CourseCompletion completion, ReviewChoices choices, ClinicClock clock, AbandonmentWatch watch,
            MessageSource messages) {
        this.messages = messages;
        this.completion = completion;
        this.choices = choices;
        this.clock = clock;
        this.watch = watch;
    }

    @GetMapping("/review")
    String dashboard(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long location, @RequestParam(required = false) String program,
            @RequestParam(required = false) Long practitioner, java.util.Locale locale, Model model) {
        model.addAttribute("choices", choices.all(locale));
        model.addAttribute("atRisk", watch.aboutToBeAbandoned());
        model.addAttribute("abandonAfter", watch.abandonAfterNoShows());
        LocalDate today = clock.today();
        var problem = ReviewFilter.problemWith(from != null ? from : ReviewFilter.defaultFrom(today),
                to != null ? to : today);
        if (problem.isPresent()) {
            // Show the form again with what was typed, and say what is wrong, rather than an error page.
            model.addAttribute("filter", new Typed(from, to, location, program, practitioner));
            model.addAttribute("problem", problem.get());
            return "review/dashboard";
        }
        ReviewFilter filter = ReviewFilter.orDefaults(from, to, location, program, practitioner, today);
        model.addAttribute("filter", filter);
        model.addAttribute("q", filter.query());
        model.addAttribute("report", completion.report(filter));
        return "review/dashboard";
    }

    @GetMapping("/review/courses")
    String courses(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long location, @RequestParam(required = false) String program,
            @RequestParam(required = false) Long practitioner,
            @RequestParam(defaultValue = "STARTED") Outcome outcome, @RequestParam(required = false) String month,
            @RequestParam(required = false) String reason, java.util.Locale locale, Model model) {
        ReviewFilter filter = ReviewFilter.orDefaults(from, to, location, program, practitioner, clock.today());
        model.addAttribute("choices", choices.all(locale));
        model.addAttribute("filter", filter);
        model.addAttribute("q", filter.query());
        model.addAttribute("outcome", outcome);
        model.addAttribute("month", month);
        model.addAttribute("reason", reason);
        model.addAttribute("drillQuery", filter.drillDown(outcome, month, reason));
        model.addAttribute("courses", completion.courses(filter, outcome, month, reason));
        return "review/courses";
    }

    @GetMapping("/review/courses/export")
    ResponseEntity<byte[]> exportCourses(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long location, @RequestParam(required = false) String program,
            @RequestParam(required = false) Long practitioner,
            @RequestParam(defaultValue = "STARTED") Outcome outcome, @RequestParam(required = false) String month,
            @RequestParam(required = false) String reason, java.util.Locale locale) {
        ReviewFilter filter = ReviewFilter.orDefaults(from, to, location, program, practitioner, clock.today());
        return CsvExport.courses(completion.courses(filter, outcome, month, reason), said(locale));
    }

    @GetMapping("/review/courses/{id:\\d+}")
    String course(@PathVariable Long id, Model model) {
        model.addAttribute("summary", completion.summary(id));
        return "review/course";
    }

    @GetMapping("/review/export/{table}")
    ResponseEntity<byte[]> export(@PathVariable String table,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long location, @RequestParam(required = false) String program,
            @RequestParam(required = false) Long practitioner, java.util.Locale locale) {
        if (!CsvExport.known(table)) {
            throw new NotFoundException("error.review.table.notFound", table);
        }
        ReviewFilter filter = ReviewFilter.orDefaults(from, to, location, program, practitioner, clock.today());
        return CsvExport.table(table, completion.report(filter), said(locale));
    }

    /** Stored reasons in the reader's words: the application's own are codes (Phrase), a person's text stays. */
    private java.util.function.UnaryOperator<String> said(java.util.Locale locale) {
        return stored -> stored == null ? null : Phrase.render(stored,
                p -> messages.getMessage(p.code(), p.arguments().toArray(), p.stored(), locale));
    }

    /** What the admin typed, echoed back into the form when it does not make a valid filter. */
    record Typed(LocalDate from, LocalDate to, Long location, String program, Long practitioner) {
    }
}
