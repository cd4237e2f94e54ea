package com.coursebook.patient.web;

import com.coursebook.shared.Forms;
import com.coursebook.patient.Patient;
import com.coursebook.patient.PatientForm;
import com.coursebook.patient.PatientService;
import jakarta.validation.Valid;

import com.coursebook.patient.PatientService.Registration;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The receptionist's patient screens: search first, then register and correct. The patient's chart page, which
 * also shows courses, is composed in the course module (it sees both).
 */
@Controller
@RequestMapping("/patients")
class PatientController {

    private static final String FORM = "patient/form";

    private final PatientService patients;

    PatientController(PatientService patients) {
        this.patients = patients;
    }

    /** A fresh key for each rendered form, sent back as its hidden field (platform/web/IdempotentRequests). */
    @ModelAttribute("idempotencyKey")
    String idempotencyKey() {
        return java.util.UUID.randomUUID().toString();
    }

    @InitBinder("patientForm")
    void refuseId(WebDataBinder binder) {
        binder.setDisallowedFields("id", "recordNumber");
    }

    @GetMapping
    String search(@RequestParam(name = "q", required = false) String query, Model model) {
        model.addAttribute("q", query);
        model.addAttribute("results", patients.search(query));
        return "patient/list";
    }

    /** The result list alone, fetched by the search box as the receptionist types. */
    @GetMapping("/results")
    String results(@RequestParam(name = "q", required = false) String query, Model model) {
        model.addAttribute("q", query);
        model.addAttribute("results", patients.search(query));
        return "patient/list :: results";
    }

    @GetMapping("/new")
    String newPatient(Model model) {
        model.addAttribute("patientForm", new PatientForm());
        return FORM;
    }

    @PostMapping
    String register(@Valid @ModelAttribute("patientForm") PatientForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return FORM;
        }
        Registration registration = patients.register(form);
        if (!registration.isRegistered()) {
            model.addAttribute("duplicates", registration.duplicates());
            return FORM;
        }
        redirect.addFlashAttribute("message", "patient.registered");
        return "redirect:/patients/" + registration.patient().getId();
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable Long id, Model model) {
        Patient patient = patients.view(id);
        model.addAttribute("patient", patient);
        model.addAttribute("patientForm", PatientForm.of(patient));
        return FORM;
    }

    @PostMapping("/{id}")
    String correct(@PathVariable Long id, @Valid @ModelAttribute("patientForm") PatientForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (!Forms.accepted(result, () -> patients.correct(id, form))) {
            model.addAttribute("patient", patients.view(id));
            return FORM;
        }
        redirect.addFlashAttribute("message", "patient.updated");
        return "redirect:/patients/" + id;
    }
}
