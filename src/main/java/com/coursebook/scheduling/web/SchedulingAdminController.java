package com.coursebook.scheduling.web;

import com.coursebook.scheduling.AbsenceForm;
import com.coursebook.scheduling.web.FormSubmission;
import com.coursebook.scheduling.SchedulingAdministration;
import com.coursebook.scheduling.WeeklyPeriodForm;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's scheduling index, and one page per practitioner for working hours, breaks and leave. */
@Controller
@RequestMapping("/admin/scheduling")
class SchedulingAdminController {

    private final SchedulingAdministration administration;

    SchedulingAdminController(SchedulingAdministration administration) {
        this.administration = administration;
    }

    @GetMapping
    String index(Model model) {
        model.addAttribute("practitioners", administration.practitioners());
        return "scheduling/index";
    }

    @GetMapping("/practitioners/{id}")
    String schedule(@PathVariable Long id, Model model) {
        return page(id, model);
    }

    @PostMapping("/practitioners/{id}/hours")
    String addHours(@PathVariable Long id, @Valid @ModelAttribute("hoursForm") WeeklyPeriodForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        return FormSubmission.handle(result, () -> administration.addWorkingHours(id, form), redirect,
                "scheduling.hours.added", url(id), () -> page(id, model));
    }

    @PostMapping("/practitioners/{id}/hours/{hoursId}/remove")
    String removeHours(@PathVariable Long id, @PathVariable Long hoursId, RedirectAttributes redirect) {
        administration.removeWorkingHours(id, hoursId);
        redirect.addFlashAttribute("message", "scheduling.hours.removed");
        return "redirect:" + url(id);
    }

    @PostMapping("/practitioners/{id}/breaks")
    String addBreak(@PathVariable Long id, @Valid @ModelAttribute("breakForm") WeeklyPeriodForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        return FormSubmission.handle(result, () -> administration.addBreak(id, form), redirect,
                "scheduling.breaks.added", url(id), () -> page(id, model));
    }

    @PostMapping("/practitioners/{id}/breaks/{breakId}/remove")
    String removeBreak(@PathVariable Long id, @PathVariable Long breakId, RedirectAttributes redirect) {
        administration.removeBreak(id, breakId);
        redirect.addFlashAttribute("message", "scheduling.breaks.removed");
        return "redirect:" + url(id);
    }

    @PostMapping("/practitioners/{id}/absences")
    String addAbsence(@PathVariable Long id, @Valid @ModelAttribute("absenceForm") AbsenceForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        return FormSubmission.handle(result, () -> administration.addAbsence(id, form), redirect,
                "scheduling.absences.added", url(id), () -> page(id, model));
    }

    @PostMapping("/practitioners/{id}/absences/{absenceId}/remove")
    String removeAbsence(@PathVariable Long id, @PathVariable Long absenceId, RedirectAttributes redirect) {
        administration.removeAbsence(id, absenceId);
        redirect.addFlashAttribute("message", "scheduling.absences.removed");
        return "redirect:" + url(id);
    }

    /** The page with all three forms; the one that was posted keeps its values and errors. */
    private String page(Long id, Model model) {
        model.addAttribute("schedule", administration.schedule(id));
        if (!model.containsAttribute("hoursForm")) {
            model.addAttribute("hoursForm", new WeeklyPeriodForm());
        }
        if (!model.containsAttribute("breakForm")) {
            model.addAttribute("breakForm", new WeeklyPeriodForm());
        }
        if (!model.containsAttribute("absenceForm")) {
            model.addAttribute("absenceForm", new AbsenceForm());
        }
        return "scheduling/practitioner";
    }

    private static String url(Long id) {
        return "/admin/scheduling/practitioners/" + id;
    }
}
