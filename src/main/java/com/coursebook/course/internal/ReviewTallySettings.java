package com.coursebook.course.internal;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the review's no-show grid is kept cheap to read. Checked at startup.
 *
 * @param compactEvery how often the grid's appended differences are folded into its tally (ISO-8601, e.g.
 *                     {@code PT5M}, or {@code 5m}); at least a second
 */
@ConfigurationProperties("coursebook.review")
@Validated
record ReviewTallySettings(@NotNull @DurationMin(seconds = 1) @DefaultValue("PT5M") Duration compactEvery) {
}
