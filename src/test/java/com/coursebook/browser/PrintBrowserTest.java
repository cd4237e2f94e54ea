package com.coursebook.browser;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.coursebook.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The patient's appointment list as it comes out of the printer (Chromium's own print to PDF, A4). */
@IntegrationTest
class PrintBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("a 20-session course prints on one A4 page with the clinic's name, address and phone, "
            + "and without its cancelled sessions")
    void appointmentListOnOnePage() throws Exception {
        long patient = jdbc.sql("INSERT INTO patient (given_name, family_name, birth_date, sex) VALUES "
                + "('Raisa', 'Pechatnova', DATE '1980-04-04', 'FEMALE') RETURNING id").query(Long.class).single();
        long practitioner = jdbc.sql("SELECT practitioner_id FROM app_user WHERE username = 'gynecologist'")
                .query(Long.class).single();
        long course = jdbc.sql("INSERT INTO course (patient_id, program_id, practitioner_id, prescribed_sessions, "
                        + "cadence_days, created_by) SELECT ?, tp.id, ?, 20, 1, 'reception' FROM treatment_program tp "
                        + "WHERE tp.code = 'GYNECOLOGICAL_MASSAGE' RETURNING id")
                .params(patient, practitioner).query(Long.class).single();
        // Far ahead and early in the morning, clear of the other tests' bookings; two of 22 were cancelled.
        LocalDate first = LocalDate.now(ZoneId.of("Europe/Moscow")).plusDays(700);
        for (int n = 1; n <= 22; n++) {
            jdbc.sql("INSERT INTO course_session (course_id, patient_id, practitioner_id, seq_no, starts_at, ends_at, "
                    + "status) VALUES (?, ?, ?, ?, (?::date + time '06:10') AT TIME ZONE 'Europe/Moscow', "
                    + "(?::date + time '06:40') AT TIME ZONE 'Europe/Moscow', ?)")
                    .params(course, patient, practitioner, n, first.plusDays(n), first.plusDays(n),
                            n == 4 || n == 9 ? "CANCELLED_EARLY" : "BOOKED")
                    .update();
        }

        signIn("reception");
        driver.get(url("/courses/" + course + "/print"));
        shot("handout"); // docs/handout.png is this picture
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("appointments")));
        String text = driver.findElement(By.tagName("main")).getText();
        assertThat(text).contains("Central clinic").contains("Lesnaya").contains("+7 495 010-20-30")
                .doesNotContain("Cancelled");
        assertThat(driver.findElements(By.cssSelector("#appointments tbody tr"))).hasSize(20);

        PrintOptions a4 = new PrintOptions();
        a4.setPageSize(org.openqa.selenium.print.PageSize.ISO_A4);
        byte[] pdf = Base64.getDecoder().decode(driver.print(a4).getContent());
        assertThat(pages(pdf)).as("printed pages").isEqualTo(1);
    }

    private static int pages(byte[] pdf) {
        Matcher m = Pattern.compile("/Type\\s*/Page[^s]").matcher(new String(pdf, StandardCharsets.ISO_8859_1));
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
