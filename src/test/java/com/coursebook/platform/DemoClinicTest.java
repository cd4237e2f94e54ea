package com.coursebook.platform;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo clinic as a first start on any day shows it: its own context (and database) with the demo data's days
 * ahead switched on, which the shared test context keeps off so its tests find the demo practitioners free.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "coursebook.demo-data.upcoming=true")
@ActiveProfiles("test")
@Import(DemoClinicTest.PortOpening.class)
class DemoClinicTest {

    private static final ZoneId CLINIC = ZoneId.of("Europe/Moscow"); // application-test.properties

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PortOpening portOpening;

    @LocalServerPort
    int port;

    @Test
    @DisplayName("the demo logins exist before the web server accepts its first request")
    void demoLoginsBeforeThePortOpens() throws Exception {
        assertThat(portOpening.usersWhenOpened.get()).as("users when the port opened").isEqualTo(4);
        assertThat(get("/api/patients", "urologist").statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("both clinicians have sessions today and this week, running courses booked ahead, notes to sign, "
            + "a blocked and a held course")
    void demoClinicLooksAlive() {
        LocalDate today = LocalDate.now(CLINIC);
        for (String clinician : new String[] { "urologist", "gynecologist" }) {
            long practitioner = jdbc.sql("SELECT practitioner_id FROM app_user WHERE username = ?").param(clinician)
                    .query(Long.class).single();
            if (today.getDayOfWeek() != DayOfWeek.SUNDAY && !(today.getMonthValue() == 1 && today.getDayOfMonth() == 1)) {
                assertThat(sessions(practitioner, "(starts_at AT TIME ZONE 'Europe/Moscow')::date = ?", today))
                        .as("%s's sessions today", clinician).isPositive();
            }
            assertThat(sessions(practitioner, "status = 'BOOKED' AND starts_at > now() "
                    + "AND (starts_at AT TIME ZONE 'Europe/Moscow')::date < ?", today.plusDays(7)))
                    .as("%s's sessions booked this week", clinician).isGreaterThanOrEqualTo(3);
            assertThat(count("""
                    SELECT count(DISTINCT c.id) FROM course c JOIN course_session s ON s.course_id = c.id
                    WHERE c.practitioner_id = ? AND c.status = 'ACTIVE' AND s.status = 'BOOKED' AND s.starts_at > now()""",
                    practitioner)).as("%s's running courses booked ahead", clinician).isGreaterThanOrEqualTo(2);
            assertThat(count("""
                    SELECT count(*) FROM course_session s LEFT JOIN session_note n ON n.session_id = s.id
                    WHERE s.practitioner_id = ? AND s.status = 'ATTENDED' AND s.starts_at < now() - interval '1 day'
                      AND s.starts_at > now() - interval '60 days' AND (n.id IS NULL OR n.status = 'DRAFT')""",
                    practitioner)).as("%s's notes to sign", clinician).isPositive();
            assertThat(count("""
                    SELECT count(*) FROM course_session s
                    JOIN patient_condition pc ON pc.patient_id = s.patient_id
                    WHERE s.practitioner_id = ? AND s.status = 'BOOKED' AND s.needs_attention AND s.starts_at > now()""",
                    practitioner)).as("%s's sessions blocked by a recorded condition", clinician).isPositive();
            assertThat(count("""
                    SELECT count(*) FROM course c WHERE c.practitioner_id = ? AND c.status = 'ACTIVE' AND c.needs_review
                      AND EXISTS (SELECT 1 FROM course_session s WHERE s.course_id = c.id AND s.status = 'BOOKED')""",
                    practitioner)).as("%s's courses held for review with sessions ahead", clinician).isPositive();
        }
    }

    @Test
    @DisplayName("some demo patients have Russian names in Cyrillic, and reception finds them by a Cyrillic name")
    void cyrillicNames() throws Exception {
        assertThat(jdbc.sql("SELECT count(*) FROM patient WHERE family_name ~ '^[А-Яа-яЁё]+$'").query(Long.class)
                .single()).isGreaterThanOrEqualTo(10);
        String family = jdbc.sql("SELECT family_name FROM patient WHERE family_name ~ '^[А-Яа-яЁё]+$' ORDER BY id LIMIT 1")
                .query(String.class).single();
        HttpResponse<String> found = get("/api/patients?query="
                + URLEncoder.encode(family.toLowerCase(), StandardCharsets.UTF_8).replace("+", "%20"), "reception");
        assertThat(found.statusCode()).isEqualTo(200);
        List<String> names = com.jayway.jsonpath.JsonPath.read(found.body(), "$[*].fullName");
        assertThat(names).isNotEmpty().allSatisfy(name -> assertThat(name).containsIgnoringCase(family));
    }

    private long sessions(long practitioner, String condition, Object value) {
        return jdbc.sql("SELECT count(*) FROM course_session WHERE practitioner_id = ? AND status NOT LIKE 'CANCELLED%' AND "
                + condition).params(practitioner, value).query(Long.class).single();
    }

    private long count(String sql, long parameter) {
        return jdbc.sql(sql).param(parameter).query(Long.class).single();
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + DemoData.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    /** How many users could sign in at the moment the web server opened its port. */
    @TestConfiguration
    static class PortOpening implements ApplicationListener<WebServerInitializedEvent> {

        final AtomicLong usersWhenOpened = new AtomicLong(-1);

        @Autowired
        JdbcClient jdbc;

        @Override
        public void onApplicationEvent(WebServerInitializedEvent event) {
            usersWhenOpened.set(jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single());
        }
    }
}
