package com.coursebook.course;

import java.util.Locale;

import com.coursebook.shared.LocalizedException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The clinician's acts on a course from the patient's chart; each returns to the chart saying what happened. */
@Controller
@PreAuthorize("hasRole('CLINICIAN')")
class CourseActsController {

    private final CourseLifecycle lifecycle;

    private final CourseBooking booking;

    private final Courses courses;

    CourseActsController(CourseLifecycle lifecycle, CourseBooking booking, Courses courses) {
        this.lifecycle = lifecycle;
        this.booking = booking;
        this.courses = courses;
    }

    @PostMapping("/courses/{id}/pause")
    String pauseOrStop(@PathVariable Long id, @RequestParam(required = false) String reason,
            @RequestParam(defaultValue = "pause") String act, RedirectAttributes redirect) {
        if (reason == null || reason.isBlank()) {
            return done(id, redirect, null, "course.reason.required", () -> { });
        }
        return "stop".equals(act)
                ? done(id, redirect, "course.stopped", null, () -> lifecycle.stop(id, reason.strip()))
                : done(id, redirect, "course.paused", null, () -> lifecycle.pause(id, reason.strip()));
    }

    @PostMapping("/courses/{id}/resume")
    String resume(@PathVariable Long id, RedirectAttributes redirect) {
        return done(id, redirect, "course.resumed", null, () -> lifecycle.resume(id));
    }

    @PostMapping("/courses/{id}/review")
    String review(@PathVariable Long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        if (reason == null || reason.isBlank()) {
            return done(id, redirect, null, "course.reason.required", () -> { });
        }
        return done(id, redirect, "course.reviewed", null, () -> lifecycle.clearReview(id, reason.strip()));
    }

    @PostMapping("/courses/{id}/resize")
    String resize(@PathVariable Long id, @RequestParam(required = false) Integer sessions, Locale locale,
            RedirectAttributes redirect) {
        if (sessions == null) {
            return done(id, redirect, null, "course.sessionCount.range", () -> { });
        }
        return done(id, redirect, "course.resized", null, () -> booking.resize(id, sessions, locale));
    }

    private String done(Long id, RedirectAttributes redirect, String success, String problem, Runnable act) {
        Long patientId = courses.findById(id).map(Course::getPatientId)
                .orElseThrow(() -> new com.coursebook.shared.NotFoundException("error.course.notFound", String.valueOf(id)));
        if (problem != null) {
            redirect.addFlashAttribute("problem", problem);
            return "redirect:/patients/" + patientId + "#courses";
        }
        try {
            act.run();
            redirect.addFlashAttribute("message", success);
        }
        catch (BookingRefusedException ex) {
            redirect.addFlashAttribute("problem", "course.resize.refused");
        }
        catch (SlotTakenException ex) {
            redirect.addFlashAttribute("problem", "problem.slotTaken.detail.null");
        }
        catch (LocalizedException ex) {
            redirect.addFlashAttribute("problem", ex.messageCode());
            redirect.addFlashAttribute("problemArgs", ex.arguments());
        }
        return "redirect:/patients/" + patientId + "#courses";
    }
}
