package com.coursebook.course.web;

import com.coursebook.course.Calendar;
import com.coursebook.course.Course;
import com.coursebook.course.CourseQueries;
import com.coursebook.course.CourseView;
import com.coursebook.course.SessionService;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SessionApiController {

    private final SessionService sessions;

    private final CourseQueries queries;

    private final Calendar calendar;

    private final com.coursebook.scheduling.Practitioners practitioners;

    SessionApiController(SessionService sessions, CourseQueries queries, Calendar calendar,
            com.coursebook.scheduling.Practitioners practitioners) {
        this.practitioners = practitioners;
        this.sessions = sessions;
        this.queries = queries;
        this.calendar = calendar;
    }

    /** Move a session (and, with {@code andLater}, every later booked session by the same amount). */
    @PatchMapping("/api/sessions/{id}")
    CourseView move(@PathVariable Long id, @Valid @RequestBody Move move, Locale locale) {
        Course course = sessions.move(id, move.startsAt(), Boolean.TRUE.equals(move.andLater()));
        return queries.course(course.getId(), locale);
    }

    @PostMapping("/api/sessions/{id}/cancel")
    CourseView cancel(@PathVariable Long id, @RequestBody(required = false) Cancellation cancellation,
            Locale locale) {
        Course course = sessions.cancel(id, cancellation != null && Boolean.TRUE.equals(cancellation.byClinic()));
        return queries.course(course.getId(), locale);
    }

    @GetMapping("/api/practitioners/{id}/sessions")
    List<Calendar.Entry> practitionerSessions(@PathVariable Long id,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Locale locale) {
        if (!practitioners.existsById(id)) {
            throw new com.coursebook.shared.NotFoundException("availability.practitioner.notFound", String.valueOf(id));
        }
        return calendar.practitioner(id, from, to, locale);
    }

    record Move(@NotNull(message = "{session.move.startsAt.required}") LocalDateTime startsAt, Boolean andLater) {
    }

    record Cancellation(Boolean byClinic) {
    }
}
