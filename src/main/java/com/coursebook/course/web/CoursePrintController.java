package com.coursebook.course.web;

import com.coursebook.course.CourseQueries;
import com.coursebook.course.CourseView;
import java.util.Locale;

import com.coursebook.catalog.Catalog;
import com.coursebook.patient.PatientService;
import com.coursebook.scheduling.Practitioners;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The patient's printable appointment list with the program's preparation and aftercare instructions. */
@Controller
class CoursePrintController {

    private final CourseQueries courses;

    private final PatientService patients;

    private final Catalog catalog;

    private final Practitioners practitioners;

    CoursePrintController(CourseQueries courses, PatientService patients, Catalog catalog,
            Practitioners practitioners) {
        this.courses = courses;
        this.patients = patients;
        this.catalog = catalog;
        this.practitioners = practitioners;
    }

    @GetMapping("/courses/{id}/print")
    String print(@PathVariable Long id, Model model, Locale locale) {
        CourseView course = courses.course(id, locale);
        model.addAttribute("course", course);
        model.addAttribute("patient", patients.view(course.patientId()));
        model.addAttribute("program", catalog.programs(locale).stream()
                .filter(p -> p.code().equals(course.programCode())).findFirst().orElseThrow());
        var practitioner = practitioners.findWithLocation(course.practitionerId());
        model.addAttribute("practitioner", practitioner.map(p -> p.getFullName()).orElse(""));
        // Where to come and whom to call: the practitioner's location.
        model.addAttribute("clinic", practitioner.map(p -> p.getLocation()).orElse(null));
        model.addAttribute("sessions", course.sessions().stream().filter(s -> !s.status().isCancelled())
                .sorted(java.util.Comparator.comparing(CourseView.SessionView::startsAt)).toList());
        return "course/print";
    }
}
