package com.coursebook.course.internal;

import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** The compactor's interval as the app binds and schedules it, without a database. */
class ReviewTallySettingsTest {

    final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(SlotTallyCompactor.class)
            .withBean(JdbcClient.class, () -> mock(JdbcClient.class));

    @Test
    @DisplayName("the grid is folded every five minutes unless the clinic says otherwise, the first time after one interval")
    void scheduledEveryInterval() {
        context.run(started -> assertThat(interval(started)).isEqualTo(Duration.ofMinutes(5)));
        context.withPropertyValues("coursebook.review.compact-every=90s").run(started -> {
            assertThat(interval(started)).isEqualTo(Duration.ofSeconds(90));
            FixedDelayTask task = (FixedDelayTask) started.getBean(ScheduledTaskHolder.class).getScheduledTasks()
                    .iterator().next().getTask();
            assertThat(task.getInitialDelayDuration()).isEqualTo(Duration.ofSeconds(90));
        });
    }

    @Test
    @DisplayName("an interval of zero is refused at startup, naming the setting")
    void zeroRefused() {
        context.withPropertyValues("coursebook.review.compact-every=PT0S").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause()
                    .hasMessageContaining("coursebook.review")
                    .hasMessageContaining("compactEvery");
        });
    }

    private static Duration interval(org.springframework.context.ApplicationContext started) {
        return started.getBean(ScheduledTaskHolder.class).getScheduledTasks().stream()
                .map(scheduled -> ((FixedDelayTask) scheduled.getTask()).getIntervalDuration())
                .findFirst().orElseThrow();
    }
}
