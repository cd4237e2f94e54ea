package com.coursebook.course.internal;

import com.coursebook.course.CourseSettings;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** The course settings as the app binds them (the module's own configuration), without the rest of the app. */
class CourseSettingsTest {

    final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(CourseConfiguration.class);

    @Test
    @DisplayName("a course is abandoned after three no-shows in a row unless the clinic says otherwise")
    void defaultsToThree() {
        context.run(started -> assertThat(started.getBean(CourseSettings.class).abandonAfterNoShows()).isEqualTo(3));
        context.withPropertyValues("coursebook.courses.abandon-after-no-shows=5")
                .run(started -> assertThat(started.getBean(CourseSettings.class).abandonAfterNoShows()).isEqualTo(5));
    }

    @Test
    @DisplayName("zero no-shows is refused at startup, naming the setting")
    void zeroRefused() {
        context.withPropertyValues("coursebook.courses.abandon-after-no-shows=0").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause()
                    .hasMessageContaining("coursebook.courses")
                    .hasMessageContaining("abandonAfterNoShows")
                    .hasMessageContaining("rejected value [0]");
        });
    }

    @Test
    @DisplayName("a value that is not a number is refused at startup")
    void notANumber() {
        context.withPropertyValues("coursebook.courses.abandon-after-no-shows=three")
                .run(started -> assertThat(started).hasFailed());
    }
}
