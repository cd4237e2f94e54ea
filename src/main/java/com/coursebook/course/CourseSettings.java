package com.coursebook.course;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the clinic runs courses.
 *
 * @param abandonAfterNoShows consecutive no-shows after which a course counts as abandoned
 */
@ConfigurationProperties("coursebook.courses")
@Validated
public record CourseSettings(@DefaultValue("3") @Min(1) int abandonAfterNoShows) {
}
