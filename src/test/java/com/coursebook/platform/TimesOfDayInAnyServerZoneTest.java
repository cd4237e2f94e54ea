package com.coursebook.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import javax.sql.DataSource;

import com.coursebook.CourseBookApplication;
import com.coursebook.scheduling.SchedulingAdministration;
import com.coursebook.scheduling.WeeklyPeriodForm;
import com.coursebook.shared.ClinicClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The server's own time zone must not move a time of day: each run starts the whole app on a fresh database with the
 * JVM's default zone set east or west of UTC (before the context starts, so Hibernate and the driver see it) and
 * reads the stored hours back in SQL. Its own contexts, closed at the end, so no other test runs in a foreign zone.
 */
class TimesOfDayInAnyServerZoneTest {

    @ParameterizedTest(name = "server in {0}")
    @ValueSource(strings = { "Asia/Tokyo", "America/Los_Angeles" })
    @DisplayName("working hours and breaks are stored as entered, and the clinic's zone is the configured one")
    void timesOfDayAreStoredAsEntered(String serverZone) {
        TimeZone before = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone(serverZone));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CourseBookApplication.class)
                .profiles("test").run("--server.port=0")) {
            JdbcClient sql = JdbcClient.create(app.getBean(DataSource.class));
            // The demo clinic's hours, written at start-up through JPA.
            assertThat(sql.sql("SELECT DISTINCT starts_at::text || '-' || ends_at::text FROM working_hours")
                    .query(String.class).list()).containsExactly("08:00:00-20:00:00");
            assertThat(sql.sql("SELECT DISTINCT starts_at::text || '-' || ends_at::text FROM working_break")
                    .query(String.class).list()).containsExactly("13:00:00-14:00:00");

            // An admin's entry, and JPA reads it back as entered too.
            Long practitioner = sql.sql("SELECT min(id) FROM practitioner").query(Long.class).single();
            WeeklyPeriodForm sunday = new WeeklyPeriodForm();
            sunday.setDay(DayOfWeek.SUNDAY);
            sunday.setStartsAt(LocalTime.of(7, 30));
            sunday.setEndsAt(LocalTime.of(21, 15));
            SchedulingAdministration admin = app.getBean(SchedulingAdministration.class);
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    "admin", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
            try {
                admin.addWorkingHours(practitioner, sunday);
                assertThat(admin.schedule(practitioner).hours()).filteredOn(h -> h.getDayOfWeek() == DayOfWeek.SUNDAY)
                        .singleElement().satisfies(h -> {
                            assertThat(h.getStartsAt()).isEqualTo(LocalTime.of(7, 30));
                            assertThat(h.getEndsAt()).isEqualTo(LocalTime.of(21, 15));
                        });
            } finally {
                SecurityContextHolder.clearContext();
            }
            List<Map<String, Object>> stored = sql.sql("""
                    SELECT starts_at::text AS starts, ends_at::text AS ends FROM working_hours
                    WHERE practitioner_id = ? AND day_of_week = 7""").param(practitioner).query().listOfRows();
            assertThat(stored).containsExactly(Map.of("starts", "07:30:00", "ends", "21:15:00"));

            assertThat(app.getBean(ClinicClock.class).zone().getId()).isEqualTo("Europe/Moscow");
        } finally {
            TimeZone.setDefault(before);
        }
    }
}
