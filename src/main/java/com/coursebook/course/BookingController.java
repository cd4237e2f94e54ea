package com.coursebook.course;

import java.time.LocalTime;
import java.util.Locale;

import jakarta.validation.Valid;

import com.coursebook.catalog.Catalog;
import com.coursebook.patient.Patient;
import com.coursebook.patient.PatientService;
import com.coursebook.scheduling.Practitioners;
import com.coursebook.shared.ClinicClock;
import com.coursebook.shared.InvalidRequestException;

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
 * Booking a whole course from the patient's chart: fill in the prescription, check the plan (every session
 * with what the rules found), confirm. A clinician can confirm warnings with a reason on the same page.
 */
@Controller
@RequestMapping("/patients/{patientId}/courses")
class BookingController {

    private static final String FORM = "course/form";

    private final CourseBooking booking;

    private final PatientService patients;

    private final Catalog catalog;

    private final Practitioners practitioners;

    private final ClinicClock clock;

    BookingController(CourseBooking booking, PatientService patients, Catalog catalog, Practitioners practitioners,
            ClinicClock clock) {
        this.booking = booking;
        this.patients = patients;
        this.catalog = catalog;
        this.practitioners = practitioners;
        this.clock = clock;
    }

    @InitBinder("courseForm")
    void refusePatient(WebDataBinder binder) {
        binder.setDisallowedFields("patientId");
    }

    @GetMapping("/new")
    String newCourse(@PathVariable Long patientId, Model model, Locale locale) {
        CourseForm form = new CourseForm();
        form.setFirstDate(clock.today().plusDays(1));
        form.setTime(LocalTime.of(10, 0));
        model.addAttribute("courseForm", form);
        return form(patientId, model, locale);
    }

    @PostMapping("/check")
    String check(@PathVariable Long patientId, @Valid @ModelAttribute("courseForm") CourseForm form,
            BindingResult result, @RequestParam(defaultValue = "false") boolean replan, Model model, Locale locale) {
        if (replan) {
            form.setSessionStarts(new java.util.ArrayList<>()); // a new prescription: plan afresh
        }
        if (!result.hasErrors()) {
            try {
                CourseCheck check = booking.check(form.toRequest(patientId), locale);
                form.setPractitionerId(check.practitionerId()); // "any qualified" resolved: book with the one checked
                model.addAttribute("check", check);
            }
            catch (InvalidRequestException ex) {
                reject(result, ex);
            }
        }
        return form(patientId, model, locale);
    }

    @PostMapping
    String book(@PathVariable Long patientId, @Valid @ModelAttribute("courseForm") CourseForm form,
            BindingResult result, Model model, Locale locale, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return form(patientId, model, locale);
        }
        try {
            booking.book(form.toRequest(patientId), locale);
            redirect.addFlashAttribute("message", "course.booked");
            return "redirect:/patients/" + patientId + "#courses";
        }
        catch (BookingRefusedException ex) {
            model.addAttribute("check", ex.check());
            model.addAttribute("refused", true);
        }
        catch (SlotTakenException ex) {
            result.reject("problem.slotTaken.detail." + ex.whose(),
                    new Object[] { ex.startsAt().toString().replace('T', ' '), ex.endsAt().toLocalTime().toString() },
                    null);
        }
        catch (InvalidRequestException ex) {
            reject(result, ex);
        }
        return form(patientId, model, locale);
    }

    private static void reject(BindingResult result, InvalidRequestException ex) {
        String field = switch (ex.field()) {
            case "firstSessionAt" -> "firstDate";
            case "patientId" -> null;
            default -> ex.field();
        };
        if (field == null) {
            result.reject(ex.messageCode(), ex.arguments(), null);
        }
        else {
            result.rejectValue(field, ex.messageCode(), ex.arguments(), null);
        }
    }

    private String form(Long patientId, Model model, Locale locale) {
        Patient patient = patients.view(patientId);
        model.addAttribute("patient", patient);
        model.addAttribute("programs", catalog.programs(locale).stream()
                .filter(p -> p.active() && p.eligibleSex().admits(patient.getSex())).toList());
        model.addAttribute("practitioners", practitioners.findAllWithPrograms());
        return FORM;
    }
}
