package com.coursebook.course.web;

import com.coursebook.shared.Forms;
import com.coursebook.shared.ReturnsTo;
import com.coursebook.course.DecisionRenderer;

import com.coursebook.course.CourseBooking;
import com.coursebook.course.CourseCheck;
import java.time.LocalTime;
import java.util.Optional;
import java.util.Locale;

import jakarta.validation.Valid;

import com.coursebook.catalog.Catalog;
import com.coursebook.patient.Patient;
import com.coursebook.patient.PatientService;
import com.coursebook.scheduling.Practitioners;
import com.coursebook.shared.ClinicClock;

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

    private final DecisionRenderer decisions;

    private final CourseBooking booking;

    private final PatientService patients;

    private final Catalog catalog;

    private final Practitioners practitioners;

    private final ClinicClock clock;

    BookingController(CourseBooking booking, PatientService patients, Catalog catalog, Practitioners practitioners,
            ClinicClock clock, DecisionRenderer decisions) {
        this.decisions = decisions;
        this.booking = booking;
        this.patients = patients;
        this.catalog = catalog;
        this.practitioners = practitioners;
        this.clock = clock;
    }

    /** A fresh key for each rendered form, sent back as its hidden field (platform/web/IdempotentRequests). */
    @ModelAttribute("idempotencyKey")
    String idempotencyKey() {
        return java.util.UUID.randomUUID().toString();
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
        Forms.submit(result, () -> booking.check(form.toRequest(patientId)), BookingController::formField)
                .ifPresent(decision -> {
                    CourseCheck check = decisions.render(decision, locale);
                    form.setPractitionerId(check.practitionerId()); // "any qualified" resolved: book with that one
                    model.addAttribute("check", check);
                });
        return form(patientId, model, locale);
    }

    @PostMapping
    @ReturnsTo("/patients/{patientId}/courses/new")
    String book(@PathVariable Long patientId, @Valid @ModelAttribute("courseForm") CourseForm form,
            BindingResult result, Model model, Locale locale, RedirectAttributes redirect) {
        Optional<CourseBooking.Attempt> attempt = Forms.submit(result,
                () -> booking.attemptAgainstRaces(form.toRequest(patientId)), BookingController::formField);
        if (attempt.isPresent() && attempt.get().lostRace()) {
            // lost a race at the database: the plan again, checked now, so the slot taken meanwhile is marked
            model.addAttribute("check", decisions.render(attempt.get().decision(), locale));
            result.reject("problem.slotTaken.detail.null");
            return form(patientId, model, locale);
        }
        if (attempt.isPresent() && attempt.get().booked()) {
            redirect.addFlashAttribute("message", "course.booked");
            return "redirect:/patients/" + patientId + "#courses";
        }
        attempt.map(CourseBooking.Attempt::decision).ifPresent(refusal -> {
            // the plan stays, with the sessions that refuse it marked (rules or a taken slot)
            if (!refusal.proposed().isEmpty() || !refusal.refusing().isEmpty()) {
                model.addAttribute("check", decisions.render(refusal, locale));
                model.addAttribute("refused", true);
            }
            refusal.clash().ifPresent(clash -> result.reject("problem.slotTaken.detail." + clash.whose(),
                    new Object[] { clash.startsAt().toString().replace('T', ' '),
                            clash.endsAt().toLocalTime().toString() }, null));
        });
        return form(patientId, model, locale);
    }

    /** The form's field for the service's name of it (null: the whole form). */
    private static String formField(String field) {
        return switch (field) {
            case "firstSessionAt" -> "firstDate";
            case "patientId" -> null;
            default -> field;
        };
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
