package com.coursebook.course;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The clinic's settings for running courses. Checked at startup: a value out of range stops the app with the
 * property's name, rather than misbehaving later.
 *
 * @param abandonAfterNoShows no-shows in a row after which a course counts as abandoned and its remaining sessions
 *                            are released; the review lists courses one short of it
 */
@ConfigurationProperties("coursebook.courses")
@Validated
public record CourseSettings(@Min(1) @DefaultValue("3") int abandonAfterNoShows) {
}
