package com.coursebook.browser;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import com.coursebook.shared.ClinicClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clinic's first day on a fresh database: no demo data, only the bootstrap admin. In a real browser the admin
 * creates a location, a room, a practitioner with working hours, a clinician's login and a receptionist's login;
 * the receptionist then registers a patient and books a course with that practitioner; two days later the
 * clinician signs the note of the first session. Everything through the screens: the database is only read, to
 * check what the screens stored.
 *
 * <p>Its own application and database (the other browser tests share one with demo data). The clinic's clock is
 * the real one until the test moves it two days on, so that the first session has taken place when the clinician
 * writes its note.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "coursebook.demo-data.enabled=false", "coursebook.bootstrap-admin.password=" + FirstDayBrowserTest.BOOTSTRAP })
@ActiveProfiles("test")
class FirstDayBrowserTest extends BrowserTest {

    static final String BOOTSTRAP = "First-admin-of-the-clinic";

    static final AtomicReference<Duration> AHEAD = new AtomicReference<>(Duration.ZERO);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ClinicClock clock;

    @TestConfiguration(proxyBeanMethods = false)
    static class MovableClock {

        @Bean
        @Primary
        ClinicClock movableClinicClock() {
            ZoneId zone = ZoneId.of("Europe/Moscow");
            return new ClinicClock(new Clock() {
                @Override
                public ZoneId getZone() {
                    return zone;
                }

                @Override
                public Clock withZone(ZoneId other) {
                    return Clock.offset(Clock.system(other), AHEAD.get());
                }

                @Override
                public Instant instant() {
                    return Instant.now().plus(AHEAD.get());
                }
            });
        }
    }

    @Test
    @DisplayName("from an empty database: the admin sets up the clinic and its logins on the screens, reception "
            + "books a course, the clinician signs a note")
    void firstDay() throws Exception {
        assertThat(count("SELECT count(*) FROM app_user")).as("only the bootstrap admin").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM practitioner") + count("SELECT count(*) FROM patient")).isZero();
        LocalDate tomorrow = clock.today().plusDays(1);

        signIn("admin", BOOTSTRAP);
        choosePassword(BOOTSTRAP, "The admin of Lesnaya clinic"); // the bootstrap password is a temporary one

        driver.get(url("/admin/scheduling/locations/new"));
        type("name", "Clinic on Lesnaya");
        type("address", "12 Lesnaya Street, Moscow");
        type("phone", "+7 495 000-12-34");
        type("timeZone", "Europe/Moscow");
        for (WebElement day : driver.findElements(By.cssSelector("input[name='openingDays']"))) {
            if (!day.isSelected()) {
                click(day);
            }
        }
        submit(By.id("save-location"));

        driver.get(url("/admin/scheduling/rooms"));
        selectByText(By.cssSelector("#room-form select[name='locationId']"), "Clinic on Lesnaya");
        type("name", "Room 1");
        new Select(driver.findElement(By.cssSelector("#room-form select[name='roomType']"))).selectByValue("UROLOGY");
        submit(By.id("add-room"));

        driver.get(url("/admin/scheduling/practitioners/new"));
        type("givenName", "Arkady");
        type("familyName", "Novikov");
        new Select(driver.findElement(By.cssSelector("select[name='specialty']"))).selectByValue("UROLOGY");
        selectByText(By.cssSelector("select[name='locationId']"), "Clinic on Lesnaya");
        click(driver.findElement(By.cssSelector("input[name='programs'][value='PROSTATE_MASSAGE']")));
        submit(By.id("save-practitioner"));
        click(By.partialLinkText("Novikov")); // from the practitioners' list to the new one's hours
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("hours-form")));
        String practitionerPage = driver.getCurrentUrl();
        for (String day : new String[] { "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY" }) {
            new Select(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("hours-day")))).selectByValue(day);
            setValue("hours-startsAt", "08:00");
            setValue("hours-endsAt", "20:00");
            submit(By.id("add-hours"));
        }
        assertThat(driver.findElement(By.id("hours-table")).getText()).contains("08:00").contains("20:00");
        assertThat(driver.getCurrentUrl()).isEqualTo(practitionerPage);

        createLogin("anovikov", "Dr Arkady Novikov", "CLINICIAN", "Novikov");
        createLogin("front", "Front Desk", "RECEPTIONIST", null);
        shot("first-day-staff");

        signOut();
        signIn("front", "Lilac-kettle-7-front");
        choosePassword("Lilac-kettle-7-front", "Front desk of Lesnaya 2026");
        click(By.cssSelector("#main-nav a[href='/patients/new']"));
        type("familyName", "Pervyi");
        type("givenName", "Pavel");
        setValue("birthDate", "1969-07-08");
        click(driver.findElement(By.cssSelector("input[name='sex'][value='MALE']")));
        click(By.id("save-patient"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("patient-name")));
        String chart = driver.getCurrentUrl();
        click(By.id("book-course"));
        new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("programCode"))))
                .selectByValue("PROSTATE_MASSAGE");
        selectByText(By.id("practitionerId"), "Novikov");
        setValue("firstDate", tomorrow.toString());
        setValue("time", "10:00");
        click(By.id("check-course"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("plan-sessions")));
        click(By.id("book-now"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("courses")));
        shot("first-day-booked");
        assertThat(driver.findElement(By.id("courses")).getText()).contains("10:00");

        AHEAD.set(Duration.ofDays(2)); // the first session, tomorrow at 10:00, has taken place
        signOut();
        signIn("anovikov", "Lilac-kettle-7-anovikov");
        choosePassword("Lilac-kettle-7-anovikov", "Novikov signs his notes");
        driver.get(chart);
        click(By.cssSelector(".session-list li:first-child a"));
        click(By.id("session-note-link"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("durationMinutes"))).sendKeys("2");
        new Select(driver.findElement(By.id("position"))).selectByIndex(1);
        driver.findElement(By.id("technique")).sendKeys("Stroking from the edges to the middle");
        driver.findElement(By.id("painDuring")).sendKeys("1");
        driver.findElement(By.id("painAfter")).sendKeys("0");
        new Select(driver.findElement(By.id("trend"))).selectByValue("SAME");
        driver.findElement(By.id("findings")).sendKeys("Gland enlarged, tender");
        click(By.id("sign-note"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-note")));
        shot("first-day-note-signed");

        assertThat(jdbc.sql("""
                SELECT n.status || ' ' || pr.family_name || ' ' || l.name FROM session_note n
                JOIN course_session s ON s.id = n.session_id JOIN practitioner pr ON pr.id = s.practitioner_id
                JOIN location l ON l.id = pr.location_id JOIN patient p ON p.id = s.patient_id
                WHERE p.family_name = 'Pervyi'""").query(String.class).single())
                .isEqualTo("SIGNED Novikov Clinic on Lesnaya");
        assertThat(count("SELECT count(*) FROM app_user")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM room")).isEqualTo(1);
    }

    private void createLogin(String username, String name, String role, String practitioner) {
        driver.get(url("/admin/staff/new"));
        type("username", username);
        type("displayName", name);
        click(driver.findElement(By.cssSelector("input[name='roles'][value='" + role + "']")));
        if (practitioner != null) {
            selectByText(By.cssSelector("select[name='practitionerId']"), practitioner);
        }
        type("temporaryPassword", "Lilac-kettle-7-" + username);
        submit(By.id("save-login"));
    }

    private void choosePassword(String temporary, String chosen) {
        wait.until(ExpectedConditions.urlContains("/account/password"));
        type("currentPassword", temporary);
        type("newPassword", chosen);
        type("confirmPassword", chosen);
        click(By.id("change-password"));
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/account/password")));
    }

    private void signOut() {
        driver.manage().deleteAllCookies();
    }

    private void type(String name, String text) {
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.name(name)));
        field.clear();
        field.sendKeys(text);
    }

    /**
     * Presses the form's button and waits for the next page's status message: every form answers a success with it,
     * while a refusal would show the form again with its errors.
     */
    private void submit(By button) {
        WebElement page = driver.findElement(By.tagName("html"));
        click(button);
        wait.until(ExpectedConditions.stalenessOf(page));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main > .alert-success")));
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }
}
