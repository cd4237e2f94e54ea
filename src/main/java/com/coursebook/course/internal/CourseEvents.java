package com.coursebook.course.internal;

import java.util.List;

import org.springframework.data.repository.Repository;

public interface CourseEvents extends Repository<CourseEvent, Long> {

    CourseEvent save(CourseEvent event);

    List<CourseEvent> findByCourseIdOrderById(Long courseId);
}
