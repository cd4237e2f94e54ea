package com.coursebook.course.internal;

import com.coursebook.shared.ClinicClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells the database the clinic's time zone, which the course tally needs for the clinic's months and days (the
 * triggers that keep it run for any writer, without the app's configuration). Runs once at startup, before demo
 * data or any request; when the zone differs from the one the tallies were computed with, they are recomputed.
 */
@Component
class TallyZone implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(TallyZone.class);

    private final JdbcClient jdbc;

    private final ClinicClock clock;

    private final TransactionTemplate transaction;

    TallyZone(JdbcClient jdbc, ClinicClock clock, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.transaction = transaction;
    }

    @Override
    public void afterPropertiesSet() {
        String zone = clock.zone().getId();
        transaction.executeWithoutResult(status -> {
            // Locked, so of two instances starting together one records and recomputes, the other finds it done.
            jdbc.sql("LOCK TABLE clinic_setting IN EXCLUSIVE MODE").update();
            String recorded = jdbc.sql("SELECT value FROM clinic_setting WHERE name = 'zone'").query(String.class)
                    .optional().orElse(null);
            if (zone.equals(recorded)) {
                return;
            }
            jdbc.sql("""
                    INSERT INTO clinic_setting (name, value) VALUES ('zone', ?)
                    ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value""").param(zone).update();
            int courses = jdbc.sql("SELECT count(*) FROM course_tally").query(Integer.class).single();
            jdbc.sql("SELECT course_tally_refresh(ARRAY(SELECT course_id FROM course_tally))").query().listOfRows();
            jdbc.sql("SELECT session_slot_rebuild()").query().listOfRows();
            log.info("Clinic time zone {} recorded (was {}); {} course tallies and the no-show grid recomputed", zone,
                    recorded, courses);
        });
    }
}
