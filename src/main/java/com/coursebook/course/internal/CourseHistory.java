package com.coursebook.course.internal;

import com.coursebook.course.CourseAct;
import com.coursebook.security.Staff;
import com.coursebook.shared.ClinicClock;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes each act of a course into its history (course_event: what, why, who and when), in the transaction that did
 * it. The review measures from these rows how courses end and how long they waited.
 */
@Component
class CourseHistory {

    private final CourseEvents events;

    private final ClinicClock clock;

    CourseHistory(CourseEvents events, ClinicClock clock) {
        this.events = events;
        this.clock = clock;
    }

    @EventListener(condition = "#act.historic()")
    void on(CourseAct act) {
        events.save(new CourseEvent(act.courseId(), act.act(), act.details(), Staff.currentName(), clock.now()));
    }
}
