package com.coursebook.browser;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import com.coursebook.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: the plan was fine when checked, someone else took the third session's time before "Book all
 * sessions"; the refusal keeps the plan, marks that session in words and offers free times that day.
 */
@IntegrationTest
class BookingRefusalBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("a booking refused for a slot taken after the check keeps the plan with the taken session marked "
            + "and free times nearby")
    void refusalKeepsThePlan() throws Exception {
        long patient = jdbc.sql("INSERT INTO patient (given_name, family_name, birth_date, sex) VALUES "
                + "('Pavel', 'Otkazov', DATE '1970-03-03', 'MALE') RETURNING id").query(Long.class).single();
        LocalDate first = LocalDate.now(ZoneId.of("Europe/Moscow")).plusDays(230)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));

        signIn("reception");
        driver.get(url("/patients/" + patient + "/courses/new"));
        new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("programCode"))))
                .selectByValue("PROSTATE_MASSAGE");
        Select practitioner = new Select(driver.findElement(By.id("practitionerId")));
        String urologist = practitioner.getOptions().stream().filter(o -> o.getText().contains("Urvantsev"))
                .findFirst().orElseThrow().getAttribute("value");
        practitioner.selectByValue(urologist);
        setValue("firstDate", first.toString());
        setValue("time", "11:00");
        setValue("sessionCount", "8");
        click(By.id("check-course"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("plan-sessions")));
        assertThat(driver.findElement(By.id("plan")).getText()).contains("Every session can be booked.");
        String third = driver.findElement(By.id("start-3")).getAttribute("value");

        // meanwhile another receptionist books someone else at the third session's time
        long other = jdbc.sql("INSERT INTO patient (given_name, family_name, birth_date, sex) VALUES "
                + "('Ivan', 'Bystrov', DATE '1965-05-05', 'MALE') RETURNING id").query(Long.class).single();
        long course = jdbc.sql("INSERT INTO course (patient_id, program_id, practitioner_id, prescribed_sessions, "
                        + "cadence_days, created_by) SELECT ?, id, ?, 8, 2, 'test' FROM treatment_program "
                        + "WHERE code = 'PROSTATE_MASSAGE' RETURNING id")
                .params(other, Long.valueOf(urologist)).query(Long.class).single();
        jdbc.sql("INSERT INTO course_session (course_id, patient_id, practitioner_id, seq_no, starts_at, ends_at) "
                        + "VALUES (?, ?, ?, 1, ?::timestamp AT TIME ZONE 'Europe/Moscow', "
                        + "(?::timestamp + interval '30 minutes') AT TIME ZONE 'Europe/Moscow')")
                .params(course, other, Long.valueOf(urologist), third, third).update();

        click(By.id("book-now"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert-danger")));
        String plan = driver.findElement(By.id("plan")).getText();
        assertThat(plan).contains("The practitioner already has a session on " + third.substring(0, 10) + " at 11:00")
                .contains("Free that day: ");
        List<WebElement> blocked = driver.findElements(By.cssSelector("#plan-sessions tr.plan-BLOCKED"));
        assertThat(blocked).hasSize(1);
        assertThat(driver.findElements(By.id("book-now"))).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM course WHERE patient_id = ?").param(patient).query(Long.class)
                .single()).isZero();
        assertThat(driver.findElement(By.cssSelector(".alert-danger")).getText())
                .doesNotContain("Please correct the marked fields"); // no field is marked: the plan says why
        driver.manage().window().setSize(new Dimension(1280, 1500)); // the reason and the marked session together
        driver.executeScript("window.scrollTo(0, 0)");
        shot("booking-refusal"); // docs/booking-refusal.png is this picture
    }
}
