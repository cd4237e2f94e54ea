package com.coursebook.course.web;

import com.coursebook.course.Course;
import com.coursebook.course.CourseBooking;
import com.coursebook.course.CourseLifecycle;
import com.coursebook.course.Courses;
import com.coursebook.shared.NotFoundException;
import com.coursebook.shared.Typed;
import com.coursebook.shared.ReturnsTo;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The clinician's acts on a course from the patient's chart; each returns to the chart saying what happened. */
@Controller
@PreAuthorize("hasRole('CLINICIAN')")
class CourseActsController {

    private static final String CHART = "/courses/{id}/chart";

    private final CourseLifecycle lifecycle;

    private final CourseBooking booking;

    private final Courses courses;

    CourseActsController(CourseLifecycle lifecycle, CourseBooking booking, Courses courses) {
        this.lifecycle = lifecycle;
        this.booking = booking;
        this.courses = courses;
    }

    @PostMapping("/courses/{id}/pause")
    @ReturnsTo(CHART)
    String pauseOrStop(@PathVariable Long id, @RequestParam(required = false) String reason,
            @RequestParam(defaultValue = "pause") String act, @RequestParam(defaultValue = "false") boolean confirmed,
            RedirectAttributes redirect) {
        if (reason == null || reason.isBlank()) {
            return problem(id, redirect, "course.reason.required");
        }
        if ("stop".equals(act) && !confirmed) {
            // Stopping cancels every booked session and cannot be undone: the chart asks first, saying how many
            redirect.addFlashAttribute("confirmStop", id);
            Typed.keep(request(), redirect);
            return "redirect:/patients/" + patientOf(id) + "#confirm-stop-" + id;
        }
        if ("stop".equals(act)) {
            lifecycle.stop(id, reason.strip());
            return done(id, redirect, "course.stopped");
        }
        lifecycle.pause(id, reason.strip());
        return done(id, redirect, "course.paused");
    }

    /** A warning recorded after booking (a relative contraindication), confirmed for the course with a reason. */
    @PostMapping("/courses/{id}/overrides")
    @ReturnsTo(CHART)
    String confirmWarnings(@PathVariable Long id, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        if (reason == null || reason.strip().length() < 5) {
            return problem(id, redirect, "course.confirmWarnings.reason");
        }
        lifecycle.confirmWaitingWarnings(id, reason.strip());
        return done(id, redirect, "course.warningsConfirmed");
    }

    @PostMapping("/courses/{id}/resume")
    @ReturnsTo(CHART)
    String resume(@PathVariable Long id, RedirectAttributes redirect) {
        lifecycle.resume(id);
        return done(id, redirect, "course.resumed");
    }

    @PostMapping("/courses/{id}/review")
    @ReturnsTo(CHART)
    String review(@PathVariable Long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        if (reason == null || reason.isBlank()) {
            return problem(id, redirect, "course.reason.required");
        }
        lifecycle.clearReview(id, reason.strip());
        return done(id, redirect, "course.reviewed");
    }

    @PostMapping("/courses/{id}/resize")
    @ReturnsTo(value = CHART, refused = "course.resize.refused")
    String resize(@PathVariable Long id, @RequestParam(required = false) Integer sessions,
            RedirectAttributes redirect) {
        if (sessions == null) {
            return problem(id, redirect, "course.sessionCount.range");
        }
        booking.resize(id, sessions);
        return done(id, redirect, "course.resized");
    }

    /**
     * The course's place on its patient's chart. Refusals come back here (the advice knows the course, not its
     * patient); the message flashed for this request is passed on to the chart.
     */
    @GetMapping(CHART)
    String chart(@PathVariable Long id, Model model, RedirectAttributes redirect) {
        model.asMap().forEach(redirect::addFlashAttribute);
        return "redirect:/patients/" + patientOf(id) + "#courses";
    }

    private String done(Long id, RedirectAttributes redirect, String success) {
        redirect.addFlashAttribute("message", success);
        return "redirect:/patients/" + patientOf(id) + "#courses";
    }

    private String problem(Long id, RedirectAttributes redirect, String problem) {
        redirect.addFlashAttribute("problem", problem);
        Typed.keep(request(), redirect);
        return "redirect:/patients/" + patientOf(id) + "#courses";
    }

    private static jakarta.servlet.http.HttpServletRequest request() {
        return ((org.springframework.web.context.request.ServletRequestAttributes) org.springframework.web.context
                .request.RequestContextHolder.currentRequestAttributes()).getRequest();
    }

    private Long patientOf(Long courseId) {
        return courses.findById(courseId).map(Course::getPatientId)
                .orElseThrow(() -> new NotFoundException("error.course.notFound", String.valueOf(courseId)));
    }
}
