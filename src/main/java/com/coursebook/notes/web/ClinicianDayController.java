package com.coursebook.notes.web;

import com.coursebook.course.ClinicianDay;
import com.coursebook.notes.NotesToSign;
import java.time.LocalDate;
import java.util.Locale;

import com.coursebook.shared.ClinicClock;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The clinician's day: "today" by default, any day by choice. Here in notes, which sees both the day's sessions
 * (course) and the notes still to sign (its own).
 */
@Controller
@PreAuthorize("hasRole('CLINICIAN')")
class ClinicianDayController {

    private final ClinicianDay day;

    private final NotesToSign notesToSign;

    private final ClinicClock clock;

    ClinicianDayController(ClinicianDay day, NotesToSign notesToSign, ClinicClock clock) {
        this.day = day;
        this.notesToSign = notesToSign;
        this.clock = clock;
    }

    @GetMapping("/today")
    String today(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model, Locale locale) {
        LocalDate shown = date == null ? clock.today() : date;
        model.addAttribute("date", shown);
        model.addAttribute("today", clock.today());
        model.addAttribute("items", day.ofCurrentClinician(shown, locale));
        model.addAttribute("reviews", day.waitingForReview(locale));
        model.addAttribute("unsignedCount", notesToSign.countForCurrentClinician());
        return "course/today";
    }

    /** The notes still to sign, on their own page: a long list must not push the day's patients down. */
    @GetMapping("/today/notes")
    String notesToSign(Model model, Locale locale) {
        model.addAttribute("unsigned", notesToSign.ofCurrentClinician(locale));
        return "course/notes-to-sign";
    }
}
