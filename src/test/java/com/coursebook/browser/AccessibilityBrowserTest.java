package com.coursebook.browser;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.coursebook.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core, the accessibility engine, over the main screens of each role in a real browser: no violation of
 * serious or critical impact (contrast below WCAG AA, a control without a name, ...). axe-core is not served by the
 * app and not fetched from a CDN: {@code .ci/run} installs the npm package into {@code .tools/} and this test
 * injects it into each page.
 */
@IntegrationTest
class AccessibilityBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("the main screens of reception, a clinician and the admin have no serious or critical accessibility "
            + "violation")
    void noSeriousViolations() throws Exception {
        Fixture fixture = Fixture.create(jdbc);
        List<String> violations = new ArrayList<>();
        violations.addAll(audit("anyone", "/login"));
        violations.addAll(audit("anyone", "/login?locked=900"));

        signIn("reception");
        for (String page : List.of("/patients", "/patients/new", "/patients/" + fixture.patient,
                "/patients/" + fixture.patient + "/courses/new", "/courses/" + fixture.course + "/print",
                "/calendar?practitioner=" + fixture.practitioner + "&date=" + fixture.today,
                "/sessions/" + fixture.sessions.get(1), "/worklist", "/catalog", "/account/tokens")) {
            violations.addAll(audit("reception", page));
        }
        driver.manage().deleteAllCookies();

        signIn(fixture.clinician);
        for (String page : List.of("/today", "/patients/" + fixture.patient, "/sessions/" + fixture.sessions.get(1),
                "/sessions/" + fixture.sessions.get(1) + "/note",
                "/calendar?practitioner=" + fixture.practitioner + "&date=" + fixture.today + "&lang=ru")) {
            violations.addAll(audit(fixture.clinician, page));
        }
        driver.manage().deleteAllCookies();

        signIn("admin");
        for (String page : List.of("/review", "/review/courses?outcome=STOPPED", "/review/courses/" + fixture.course,
                "/catalog", "/admin/catalog/programs/PROSTATE_MASSAGE", "/admin/scheduling", "/admin/scheduling/practitioners/"
                + fixture.practitioner, "/admin/scheduling/closures", "/admin/scheduling/rooms", "/admin/sign-in",
                "/admin/staff", "/admin/scheduling/locations", "/admin/scheduling/practitioners/new",
                "/admin/scheduling/room-types", "/admin/catalog/programs/new",
                "/admin/staff/new", "/admin/staff/" + jdbc.sql("SELECT id FROM app_user WHERE username = ?")
                        .param(fixture.clinician).query(Long.class).single(), "/account/password")) {
            violations.addAll(audit("admin", page));
        }
        assertThat(violations).as("serious and critical accessibility violations").isEmpty();
    }

    private List<String> audit(String who, String page) throws Exception {
        driver.get(url(page));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
        return seriousViolations(who + " " + page);
    }

    /**
     * A clinician of their own (signing in with the demo password) and a course of a patient nobody else uses:
     * sessions that were attended, missed and cancelled, one today, and one flagged by a recorded condition, so
     * every colour of the calendar and the attention mark are on screen.
     */
    record Fixture(String clinician, long practitioner, long patient, long course, List<Long> sessions,
            LocalDate today) {

        static Fixture create(JdbcClient jdbc) {
            String tag = Long.toString(System.nanoTime(), 36);
            LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));
            long practitioner = jdbc.sql("INSERT INTO practitioner (given_name, family_name, specialty) "
                    + "VALUES ('Aksel', ?, 'UROLOGY') RETURNING id").param("Kontrastov" + tag).query(Long.class).single();
            String login = "axe" + tag;
            jdbc.sql("WITH u AS (INSERT INTO app_user (username, password_hash, display_name, practitioner_id) "
                    + "SELECT ?, password_hash, 'Dr Aksel Kontrastov', ? FROM app_user WHERE username = 'urologist' "
                    + "RETURNING id) INSERT INTO app_user_role (user_id, role) SELECT id, 'CLINICIAN' FROM u")
                    .params(login, practitioner).update();
            long patient = jdbc.sql("INSERT INTO patient (given_name, family_name, birth_date, sex) "
                    + "VALUES ('Vadim', ?, DATE '1968-05-06', 'MALE') RETURNING id").param("Dostupnov" + tag)
                    .query(Long.class).single();
            long course = jdbc.sql("INSERT INTO course (patient_id, program_id, practitioner_id, prescribed_sessions, "
                    + "cadence_days, status, created_by) SELECT ?, id, ?, 10, 1, 'ACTIVE', 'reception' "
                    + "FROM treatment_program WHERE code = 'PROSTATE_MASSAGE' RETURNING id")
                    .params(patient, practitioner).query(Long.class).single();
            List<Long> sessions = new ArrayList<>();
            String[] statuses = { "ATTENDED", "BOOKED", "CANCELLED_LATE", "NO_SHOW", "BOOKED" };
            int[] offsets = { -2, 0, -1, -3, 1 };
            for (int n = 0; n < statuses.length; n++) {
                LocalDate date = today.plusDays(offsets[n]);
                boolean flagged = n == 4;
                sessions.add(jdbc.sql("INSERT INTO course_session (course_id, patient_id, practitioner_id, seq_no, "
                        + "starts_at, ends_at, status, needs_attention, attention_rule) VALUES (?, ?, ?, ?, "
                        + "(?::date + time '08:20') AT TIME ZONE 'Europe/Moscow', "
                        + "(?::date + time '09:00') AT TIME ZONE 'Europe/Moscow', ?, ?, ?) RETURNING id")
                        .params(course, patient, practitioner, n + 1, date, date, statuses[n], flagged,
                                flagged ? "CONTRAINDICATION" : null)
                        .query(Long.class).single());
            }
            return new Fixture(login, practitioner, patient, course, sessions, today);
        }
    }
}
