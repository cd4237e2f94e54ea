package com.coursebook.course.web;

import com.coursebook.course.CourseQueries;
import java.util.Locale;

import com.coursebook.catalog.Catalog;
import com.coursebook.patient.ClinicalRecordService;
import com.coursebook.patient.ConditionForm;
import com.coursebook.patient.ExaminationForm;
import com.coursebook.patient.PatientService;
import com.coursebook.security.Staff;
import com.coursebook.shared.ClinicClock;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The patient's chart: details, courses with their sessions and, for clinicians only, conditions and
 * examinations. Composed here because this module sees both the patient and the courses.
 */
@Controller
class PatientChartController {

    private final PatientService patients;

    private final ClinicalRecordService records;

    private final CourseQueries courses;

    private final Catalog catalog;

    private final ClinicClock clock;

    PatientChartController(PatientService patients, ClinicalRecordService records, CourseQueries courses,
            Catalog catalog, ClinicClock clock) {
        this.patients = patients;
        this.records = records;
        this.courses = courses;
        this.catalog = catalog;
        this.clock = clock;
    }

    @GetMapping("/patients/{id}")
    String chart(@PathVariable Long id, Model model, Locale locale) {
        var patient = patients.view(id);
        model.addAttribute("patient", patient);
        model.addAttribute("courses", courses.forPatient(id, locale));
        model.addAttribute("now", clock.toLocal(clock.now()));
        model.addAttribute("today", clock.today());
        if (Staff.currentIsClinician()) {
            model.addAttribute("conditions", records.conditionViews(id, locale));
            model.addAttribute("examinations", records.examinationViews(id, locale));
            model.addAttribute("catalogConditions", catalog.contraindicationsFor(patient.getSex(), locale));
            model.addAttribute("programs", catalog.programs(locale));
            if (!model.containsAttribute("conditionForm")) {
                ConditionForm form = new ConditionForm();
                form.setOnset(clock.today());
                model.addAttribute("conditionForm", form);
            }
            if (!model.containsAttribute("examinationForm")) {
                ExaminationForm form = new ExaminationForm();
                form.setExaminedOn(clock.today());
                model.addAttribute("examinationForm", form);
            }
        }
        return "patient/detail";
    }
}
