package com.coursebook.course.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Folds the no-show grid's appended differences (session_slot_delta) into its tally now and then, so the
 * dashboard adds up a few rows per quarter hour instead of one per change. Reads are exact either way; this only
 * keeps them cheap. Any number of instances may run it: the database lets one fold at a time (advisory lock).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(ReviewTallySettings.class)
class SlotTallyCompactor implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(SlotTallyCompactor.class);

    private final JdbcClient jdbc;

    private final ReviewTallySettings settings;

    SlotTallyCompactor(JdbcClient jdbc, ReviewTallySettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** Every {@code coursebook.review.compact-every}, the first time one interval after startup. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::compact, settings.compactEvery(), settings.compactEvery()));
    }

    void compact() {
        Long folded = jdbc.sql("SELECT session_slot_compact()").query(Long.class).single();
        log.debug("Folded no-show grid differences into {} tally rows", folded);
    }
}
