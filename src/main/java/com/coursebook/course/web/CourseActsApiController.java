package com.coursebook.course.web;

import com.coursebook.course.ClinicianDay;
import com.coursebook.course.CourseBooking;
import com.coursebook.course.CourseLifecycle;
import com.coursebook.course.CourseQueries;
import com.coursebook.course.CourseView;
import com.coursebook.course.Courses;
import com.coursebook.course.SessionService;
import com.coursebook.course.SessionStatus;
import com.coursebook.course.Worklist;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Attendance and the named acts on a course, as JSON; each answers with the course as it now stands. */
@RestController
class CourseActsApiController {

    private final SessionService sessions;

    private final CourseLifecycle lifecycle;

    private final CourseBooking booking;

    private final CourseQueries queries;

    private final Worklist worklist;

    private final ClinicianDay day;

    private final com.coursebook.shared.ClinicClock clock;

    private final org.springframework.context.MessageSource messages;

    CourseActsApiController(SessionService sessions, CourseLifecycle lifecycle, CourseBooking booking,
            CourseQueries queries, Worklist worklist, ClinicianDay day, com.coursebook.shared.ClinicClock clock,
            org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.day = day;
        this.clock = clock;
        this.worklist = worklist;
        this.sessions = sessions;
        this.lifecycle = lifecycle;
        this.booking = booking;
        this.queries = queries;
    }

    @PostMapping("/api/sessions/{id}/check-in")
    CourseView checkIn(@PathVariable Long id, Locale locale) {
        return queries.course(sessions.checkIn(id).getId(), locale);
    }

    @PostMapping("/api/sessions/{id}/attendance")
    CourseView attendance(@PathVariable Long id, @Valid @RequestBody Attendance attendance, Locale locale) {
        return queries.course(sessions.recordAttendance(id, attendance.outcome()).getId(), locale);
    }

    /** Reception books a replacement for a missed or cancelled session (the course owes one). */
    @PostMapping("/api/courses/{id}/sessions")
    org.springframework.http.ResponseEntity<CourseView> fillGap(@PathVariable Long id,
            @Valid @RequestBody SessionApiController.Move at, Locale locale) {
        sessions.fillGap(id, at.startsAt());
        return org.springframework.http.ResponseEntity.status(org.springframework.http.HttpStatus.CREATED)
                .body(queries.course(id, locale));
    }

    /** The signed-in clinician's sessions of a day (today by default). */
    @org.springframework.web.bind.annotation.GetMapping("/api/clinicians/me/sessions")
    java.util.List<ClinicianDay.Item> mySessions(
            @org.springframework.web.bind.annotation.RequestParam(required = false)
            @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
            java.time.LocalDate date, Locale locale) {
        return day.ofCurrentClinician(date == null ? clock.today() : date, locale);
    }

    /** Courses of the signed-in clinician held for their review. */
    @org.springframework.web.bind.annotation.GetMapping("/api/clinicians/me/reviews")
    java.util.List<ClinicianDay.Review> myReviews(Locale locale) {
        // The reason is stored as codes (the application's own words): said here in the caller's language.
        return day.waitingForReview(locale).stream().map(r -> new ClinicianDay.Review(r.courseId(), r.patientId(),
                r.patientName(), r.programCode(), r.programName(), com.coursebook.shared.Phrase.render(r.reason(),
                        p -> messages.getMessage(p.code(), p.arguments().toArray(), p.stored(), locale)))).toList();
    }

    /** Booked sessions a newly recorded condition now blocks, for reception to rebook. */
    @org.springframework.web.bind.annotation.GetMapping("/api/worklist/attention")
    java.util.List<Worklist.Item> attention() {
        return worklist.needingAttention();
    }

    /** Booked sessions whose day passed without an outcome (missed while held, or never marked). */
    @org.springframework.web.bind.annotation.GetMapping("/api/worklist/past-booked")
    java.util.List<Worklist.Item> pastBooked() {
        return worklist.pastStillBooked();
    }

    /** Running courses that owe sessions after no-shows or cancellations. */
    @org.springframework.web.bind.annotation.GetMapping("/api/worklist/gaps")
    java.util.List<Worklist.Gap> gaps() {
        return worklist.coursesWithGaps();
    }

    @PostMapping("/api/courses/{id}/stop")
    CourseView stop(@PathVariable Long id, @Valid @RequestBody Reason reason, Locale locale) {
        lifecycle.stop(id, reason.reason().strip());
        return queries.course(id, locale);
    }

    @PostMapping("/api/courses/{id}/pause")
    CourseView pause(@PathVariable Long id, @Valid @RequestBody Reason reason, Locale locale) {
        lifecycle.pause(id, reason.reason().strip());
        return queries.course(id, locale);
    }

    @PostMapping("/api/courses/{id}/resume")
    CourseView resume(@PathVariable Long id, Locale locale) {
        lifecycle.resume(id);
        return queries.course(id, locale);
    }

    /** Extend or shorten to a new total within the program's range. */
    @PostMapping("/api/courses/{id}/extend")
    CourseView extend(@PathVariable Long id, @Valid @RequestBody Resize resize, Locale locale) {
        booking.resize(id, resize.sessions());
        return queries.course(id, locale);
    }

    /** A clinician confirms a warning recorded after booking, with a reason: its "needs confirmation" flags lift. */
    @PostMapping("/api/courses/{id}/overrides")
    CourseView confirm(@PathVariable Long id, @Valid @RequestBody Confirmation confirmation, Locale locale) {
        lifecycle.confirmWarning(id, confirmation.key(), confirmation.reason());
        return queries.course(id, locale);
    }

    /** The clinician has reviewed a course held for pain, an adverse event or a worse condition. */
    @PostMapping("/api/courses/{id}/review")
    CourseView review(@PathVariable Long id, @Valid @RequestBody Reason note, Locale locale) {
        lifecycle.clearReview(id, note.reason().strip());
        return queries.course(id, locale);
    }

    record Confirmation(@NotBlank(message = "{course.override.key.required}") String key,
            @NotBlank(message = "{course.reason.required}") @Size(min = 5, max = 2000, message = "{course.confirmWarnings.reason}") String reason) {
    }

    record Attendance(@NotNull(message = "{session.attendance.outcome}") SessionStatus outcome) {
    }

    record Reason(@NotBlank(message = "{course.reason.required}") @Size(max = 2000, message = "{field.tooLong}") String reason) {
    }

    record Resize(@NotNull(message = "{course.sessionCount.range}") @Min(value = 1, message = "{course.sessionCount.range}")
            @Max(value = 100, message = "{course.sessionCount.range}") Integer sessions) {
    }
}
