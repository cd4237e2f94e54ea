package com.coursebook.course.web;

import com.coursebook.course.DecisionRenderer;

import com.coursebook.course.Course;
import com.coursebook.course.CourseBooking;
import com.coursebook.course.CourseCheck;
import com.coursebook.course.CourseQueries;
import com.coursebook.course.CourseRequest;
import com.coursebook.course.CourseView;
import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CourseApiController {

    private final DecisionRenderer decisions;

    private final CourseBooking booking;

    private final CourseQueries queries;

    CourseApiController(CourseBooking booking, CourseQueries queries, DecisionRenderer decisions) {
        this.decisions = decisions;
        this.booking = booking;
        this.queries = queries;
    }

    /** Dry run: the planned sessions and every finding; nothing is stored. */
    @PostMapping("/api/courses/check")
    CourseCheck check(@Valid @RequestBody CourseRequest request, Locale locale) {
        return decisions.render(booking.check(request), locale);
    }

    /** Books every session or none: 201, 422 with the findings when the rules refuse, 409 when a slot is taken. */
    @PostMapping("/api/courses")
    ResponseEntity<CourseView> book(@Valid @RequestBody CourseRequest request, Locale locale) {
        Course course = booking.book(request);
        // a path, never built from the request's Host header (which the client writes)
        URI location = URI.create("/api/courses/" + course.getId());
        return ResponseEntity.created(location).body(queries.course(course.getId(), locale));
    }

    @GetMapping("/api/courses/{id}")
    CourseView course(@PathVariable Long id, Locale locale) {
        return queries.course(id, locale);
    }

    @GetMapping("/api/patients/{patientId}/courses")
    List<CourseView> forPatient(@PathVariable Long patientId, Locale locale) {
        return queries.forPatient(patientId, locale);
    }
}
