package com.coursebook.browser;

import java.util.List;

import com.coursebook.notes.NoteFixtures;
import com.coursebook.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** In a real browser: a urologist writes the note of session 2 beside session 1's and signs it from the keyboard. */
@IntegrationTest
class NoteBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("the note form starts from the previous session's set-up, shows its note beside, and Ctrl+Enter signs it")
    void signFromTheKeyboard() throws Exception {
        List<Long> sessions = new NoteFixtures(jdbc).course("PROSTATE_MASSAGE", "Klaviaturov", 8, 730);
        jdbc.sql("INSERT INTO session_note (session_id, status, duration_minutes, position, technique, pain_during, "
                + "pain_after, findings, trend, author, signed_by, signed_at) VALUES (?, 'SIGNED', 2, 'KNEE_ELBOW', "
                + "'Stroking from the edges', 2, 1, 'Gland enlarged, tender', 'SAME', 'urologist', 'urologist', now())")
                .param(sessions.get(0)).update();

        driver.get(url("/login"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("urologist");
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

        driver.get(url("/sessions/" + sessions.get(1)));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("session-note-link"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("previous-note")));
        assertThat(driver.findElement(By.id("previous-note")).getText()).contains("Gland enlarged, tender");
        assertThat(driver.findElement(By.id("durationMinutes")).getAttribute("value")).isEqualTo("2");
        assertThat(driver.findElement(By.id("technique")).getAttribute("value")).isEqualTo("Stroking from the edges");
        assertThat(driver.findElement(By.id("findings")).getAttribute("value")).isEmpty();

        driver.findElement(By.id("painDuring")).sendKeys("1");
        driver.findElement(By.id("painAfter")).sendKeys("0");
        new Select(driver.findElement(By.id("trend"))).selectByValue("BETTER");
        new Select(driver.findElement(By.id("intensity"))).selectByValue("HIGHER");
        WebElement findings = driver.findElement(By.id("findings"));
        findings.sendKeys("Gland smaller, less tender");
        shot("note-form");
        findings.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-note")));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Note signed.");
        assertThat(driver.findElement(By.id("signed-note")).getText()).contains("Gland smaller, less tender")
                .contains("Higher");
        shot("note-signed");
        assertThat(jdbc.sql("SELECT status FROM session_note WHERE session_id = ?").param(sessions.get(1))
                .query(String.class).single()).isEqualTo("SIGNED");
    }

}
