package com.coursebook.course;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.coursebook.security.AppUsers;
import com.coursebook.security.Staff;
import com.coursebook.shared.ClinicClock;
import com.coursebook.shared.InvalidRequestException;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The clinician's day: "today" by default, any day by choice. */
@Controller
@PreAuthorize("hasRole('CLINICIAN')")
class ClinicianDayController {

    private final ClinicianDay day;

    private final AppUsers users;

    private final ClinicClock clock;

    ClinicianDayController(ClinicianDay day, AppUsers users, ClinicClock clock) {
        this.day = day;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping("/today")
    String today(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model, Locale locale) {
        LocalDate shown = date == null ? clock.today() : date;
        model.addAttribute("date", shown);
        model.addAttribute("today", clock.today());
        model.addAttribute("items", day.of(ownPractitioner(), shown, locale));
        return "course/today";
    }

    @GetMapping("/api/clinicians/me/sessions")
    @ResponseBody
    List<ClinicianDay.Item> mine(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Locale locale) {
        return day.of(ownPractitioner(), date == null ? clock.today() : date, locale);
    }

    private Long ownPractitioner() {
        return users.findByUsername(Staff.currentName()).map(u -> u.getPractitionerId())
                .orElseThrow(() -> new InvalidRequestException("user", "today.noPractitioner"));
    }
}
