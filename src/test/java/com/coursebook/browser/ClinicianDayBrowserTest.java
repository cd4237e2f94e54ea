package com.coursebook.browser;

import java.time.LocalDate;
import java.time.ZoneId;

import com.coursebook.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A urologist's day in a real browser: from signing in to a signed note on the course. */
@IntegrationTest
class ClinicianDayBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("the urologist opens today's list, checks a patient in, records and signs the note, and marks it attended")
    void clinicianDay() throws Exception {
        long patient = jdbc.sql("INSERT INTO patient (given_name, family_name, birth_date, sex) VALUES "
                + "('Gennady', 'Segodnyashnii', DATE '1966-02-02', 'MALE') RETURNING id").query(Long.class).single();
        long practitioner = jdbc.sql("SELECT practitioner_id FROM app_user WHERE username = 'urologist'")
                .query(Long.class).single();
        long program = jdbc.sql("SELECT id FROM treatment_program WHERE code = 'PROSTATE_MASSAGE'").query(Long.class)
                .single();
        long course = jdbc.sql("INSERT INTO course (patient_id, program_id, practitioner_id, prescribed_sessions, "
                + "cadence_days, created_by) VALUES (?, ?, ?, 8, 2, 'reception') RETURNING id")
                .params(patient, program, practitioner).query(Long.class).single();
        // Today's session, begun a minute ago (booked earlier, as reception would have); cleared by an examination.
        long session = jdbc.sql("INSERT INTO course_session (course_id, patient_id, practitioner_id, seq_no, starts_at, "
                        + "ends_at) VALUES (?, ?, ?, 1, now() - interval '1 minute', now() + interval '29 minutes') RETURNING id")
                .params(course, patient, practitioner).query(Long.class).single();
        jdbc.sql("INSERT INTO examination (patient_id, program_id, examined_on, cleared, examined_by) "
                + "VALUES (?, ?, ?, true, 'urologist')").params(patient, program, LocalDate.now(ZoneId.of("Europe/Moscow")))
                .update();

        long started = System.nanoTime();
        driver.get(url("/login"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("urologist");
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.id("sign-in")).click();

        // a clinician lands on their day
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("day-list")));
        WebElement row = driver.findElement(By.xpath("//table[@id='day-list']//tr[.//a[text()='Segodnyashnii Gennady']]"));
        assertThat(row.getText()).contains("1 of 8").contains("Therapeutic prostate massage");
        shot("my-day"); // docs/my-day.png is this picture
        click(By.xpath("//table[@id='day-list']//a[text()='Segodnyashnii Gennady']"));

        click(By.id("check-in"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Checked in"));
        click(By.id("session-note-link"));

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("durationMinutes"))).sendKeys("2");
        new Select(driver.findElement(By.id("position"))).selectByValue("KNEE_ELBOW");
        driver.findElement(By.id("painDuring")).sendKeys("1");
        driver.findElement(By.id("painAfter")).sendKeys("0");
        new Select(driver.findElement(By.id("trend"))).selectByValue("SAME");
        driver.findElement(By.id("findings")).sendKeys("Gland slightly enlarged, mildly tender");
        click(By.id("sign-note"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-note")));
        assertThat(driver.findElement(By.id("signed-note")).getText()).contains("Gland slightly enlarged");
        shot("signed-note");

        driver.get(url("/sessions/" + session));
        click(By.id("attended"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Recorded as attended"));
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Clinician's day in the browser: sign-in to signed note and attendance in %.1f s%n", seconds);

        driver.get(url("/patients/" + patient));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("courses")));
        assertThat(driver.findElement(By.id("courses")).getText()).contains("Attended").contains("Active");
        assertThat(jdbc.sql("SELECT status FROM session_note WHERE session_id = ?").param(session).query(String.class)
                .single()).isEqualTo("SIGNED");
    }

}
