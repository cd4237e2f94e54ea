package com.coursebook.browser;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

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

/**
 * In a real browser: a receptionist books a whole prostate-massage course from the chart; a urologist then
 * records a fever, and the receptionist finds the hit sessions on her worklist.
 */
@IntegrationTest
class BookingJourneyBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("reception books a 10-session course every other day and sees it on the week calendar; a fever recorded later puts sessions on the worklist")
    void bookThenRecheck() throws Exception {
        long patient = jdbc.sql("INSERT INTO patient (given_name, family_name, birth_date, sex, phone) VALUES "
                + "('Oleg', 'Kursovoi', DATE '1972-04-04', 'MALE', '+7 900 765-43-21') RETURNING id")
                .query(Long.class).single();
        LocalDate first = LocalDate.now(ZoneId.of("Europe/Moscow")).plusDays(200)
                .with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.MONDAY));

        signIn("reception");
        driver.get(url("/patients/" + patient));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("book-course"))).click();
        new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("programCode"))))
                .selectByValue("PROSTATE_MASSAGE");
        new Select(driver.findElement(By.id("practitionerId"))).selectByIndex(practitionerIndex("practitionerId", "Urvantsev"));
        setValue("firstDate", first.toString());
        setValue("time", "17:30");
        click(By.id("check-course"));

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("plan-sessions")));
        List<WebElement> rows = driver.findElements(By.cssSelector("#plan-sessions tbody tr"));
        assertThat(rows).hasSize(10);
        assertThat(startOf(2)).isEqualTo(first.plusDays(2) + "T17:30"); // Wednesday: every other day
        assertThat(startOf(4)).isEqualTo(first.plusDays(7) + "T17:30"); // Sunday off: on to Monday
        shot("booking-plan");
        // the patient cannot come on the second Friday: move that one session to Saturday, check again
        LocalDate moved = first.plusDays(12);
        setValue("start-6", moved + "T17:30");
        click(By.id("recheck-course"));
        wait.until(ExpectedConditions.attributeToBe(By.id("start-6"), "value", moved + "T17:30"));
        assertThat(driver.findElement(By.id("plan")).getText()).contains("Every session can be booked.");
        click(By.id("book-now"));

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("courses")));
        assertThat(driver.getPageSource()).contains("Course booked").contains("10 sessions, every 2 days");
        assertThat(driver.findElements(By.cssSelector(".session-list li"))).hasSize(10);
        shot("chart-with-course");

        // the course shows on the practitioner's week calendar: one entry a session, numbered
        driver.findElement(By.linkText("Calendar")).click();
        new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cal-practitioner"))))
                .selectByIndex(practitionerIndex("cal-practitioner", "Urvantsev"));
        setValue("cal-date", first.toString());
        click(By.cssSelector("form[action$='/calendar'] button[type=submit]"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".calendar-entry")));
        String week = driver.findElement(By.id("calendar")).getText();
        assertThat(week).contains("Kursovoi Oleg").contains("1/10").contains("2/10").contains("3/10")
                .contains("17:30–18:00");
        assertThat(driver.findElements(By.cssSelector(".calendar-entry.entry-BOOKED"))).hasSize(3); // Mon, Wed, Fri
        shot("week-calendar");

        signOutAndIn("urologist");
        driver.get(url("/patients/" + patient));
        new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("code")))).selectByValue("FEVER");
        setValue("onset", first.plusDays(2).toString());   // sessions 2 (Wed) and 3 (Fri)
        setValue("expectedEnd", first.plusDays(4).toString());
        click(By.id("record-condition"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "booked sessions were checked again"));
        shot("clinician-chart");

        signOutAndIn("reception");
        driver.get(url("/worklist"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("worklist")));
        String worklist = driver.findElement(By.id("worklist")).getText();
        assertThat(worklist).contains("Kursovoi Oleg").contains("2/10").contains("3/10")
                .contains("Cannot take place before " + first.plusDays(5));
        assertThat(worklist).doesNotContain("Fever"); // reception is told what to do, not the diagnosis
        shot("worklist");
    }

    private String startOf(int session) {
        return driver.findElement(By.id("start-" + session)).getAttribute("value");
    }

    private int practitionerIndex(String selectId, String familyName) {
        List<WebElement> options = new Select(driver.findElement(By.id(selectId))).getOptions();
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).getText().contains(familyName)) {
                return i;
            }
        }
        throw new AssertionError("no practitioner " + familyName);
    }

    private void signOutAndIn(String user) {
        driver.manage().deleteAllCookies();
        signIn(user);
    }

}
