package com.coursebook.course.internal;

import com.coursebook.course.CourseSettings;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The course module's typed settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CourseSettings.class)
class CourseConfiguration {
}
