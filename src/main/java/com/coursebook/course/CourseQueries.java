package com.coursebook.course;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.coursebook.audit.AuditTrail;
import com.coursebook.patient.Patients;
import com.coursebook.security.Staff;
import com.coursebook.shared.ClinicClock;
import com.coursebook.shared.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads courses for screens and the API: each read is one query for the courses and one for overrides. */
@Service
@Transactional // not read-only: every read of patient data writes its audit line
public class CourseQueries {

    private final Courses courses;

    private final RuleOverrides overrides;

    private final ClinicClock clock;

    private final AuditTrail audit;

    private final Patients patients;

    CourseQueries(Courses courses, RuleOverrides overrides, ClinicClock clock, AuditTrail audit, Patients patients) {
        this.patients = patients;
        this.courses = courses;
        this.overrides = overrides;
        this.clock = clock;
        this.audit = audit;
    }

    public CourseView course(Long id, Locale locale) {
        Course course = courses.findWithSessions(id)
                .orElseThrow(() -> new NotFoundException("error.course.notFound", String.valueOf(id)));
        audit.record("VIEW", "COURSE", id, course.getPatientId(), null);
        return view(course, overrides.findByCourseIdOrderById(id), locale);
    }

    /** The course a session belongs to (for the session page). */
    public CourseView courseOfSession(Long sessionId, Locale locale) {
        Course course = courses.findBySessionId(sessionId)
                .orElseThrow(() -> new NotFoundException("error.session.notFound", String.valueOf(sessionId)));
        audit.record("VIEW", "COURSE", course.getId(), course.getPatientId(), "session " + sessionId);
        return view(course, overrides.findByCourseIdOrderById(course.getId()), locale);
    }

    public List<CourseView> forPatient(Long patientId, Locale locale) {
        if (!patients.existsById(patientId)) {
            throw new NotFoundException("error.patient.notFound", String.valueOf(patientId));
        }
        List<Course> found = courses.findByPatientWithSessions(patientId);
        audit.record("VIEW", "COURSES", null, patientId, "courses=" + found.size());
        Map<Long, List<RuleOverride>> byCourse = found.isEmpty() ? Map.of()
                : overrides.findByCourseIdIn(found.stream().map(Course::getId).toList()).stream()
                        .collect(Collectors.groupingBy(RuleOverride::getCourseId));
        return found.stream().map(c -> view(c, byCourse.getOrDefault(c.getId(), List.of()), locale)).toList();
    }

    private CourseView view(Course course, List<RuleOverride> confirmed, Locale locale) {
        boolean clinician = Staff.currentIsClinician();
        return new CourseView(course.getId(), course.getPatientId(), course.getProgram().getCode(),
                course.getProgram().getName().in(locale), course.getPractitionerId(), course.getStatus(),
                course.getStatusReason(), course.getPrescribedSessions(), course.getCadenceDays(), course.isNeedsReview(),
                course.getSessions().stream().map(s -> new CourseView.SessionView(s.getId(),
                        SessionNumber.of(s, course.getSessions()),
                        clock.toLocal(s.getStartsAt()), clock.toLocal(s.getEndsAt()), s.getStatus(),
                        s.isNeedsAttention(), s.getAttentionRule(), s.getAttentionUntil())).toList(),
                confirmed.stream().map(o -> new CourseView.OverrideView(o.getRuleCode(),
                        clinician ? o.getFinding() : null, clinician ? o.getReason() : null, o.getOverriddenBy(),
                        clock.toLocal(o.getCreatedAt()))).toList());
    }
}
