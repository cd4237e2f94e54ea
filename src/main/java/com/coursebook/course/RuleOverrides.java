package com.coursebook.course;

import java.util.List;

import org.springframework.data.repository.Repository;

public interface RuleOverrides extends Repository<RuleOverride, Long> {

    RuleOverride save(RuleOverride override);

    List<RuleOverride> findByCourseIdOrderById(Long courseId);

    List<RuleOverride> findByCourseIdIn(List<Long> courseIds);
}
