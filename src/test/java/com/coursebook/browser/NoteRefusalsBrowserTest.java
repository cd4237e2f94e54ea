package com.coursebook.browser;

import java.util.ArrayList;
import java.util.List;

import com.coursebook.notes.NoteFixtures;
import com.coursebook.support.IntegrationTest;
import com.coursebook.support.ScreenWords;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser, in both languages: every way the note form refuses (a field missing for signing, "adverse event:
 * yes" without what happened, a value out of range, too long a text, a session that has not begun, a note changed
 * meanwhile) shows the whole page again, in words, with the reason at the field and what was typed still there; a
 * refused signature keeps the draft, so reopening the note shows it too.
 */
@IntegrationTest
class NoteRefusalsBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    private final List<String> faults = new ArrayList<>();

    private String lang;

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = { "en", "ru" })
    @DisplayName("each refusal on the note form keeps the page whole, says why at the field and keeps what was typed")
    void refusals(String lang) throws Exception {
        this.lang = lang;
        String findings = "en".equals(lang) ? "Gland tender on the left" : "Железа болезненна слева";
        List<Long> past = new NoteFixtures(jdbc).course("PROSTATE_MASSAGE", "Otkazov" + lang, 4, 20);
        driver.get(url("/login?lang=" + lang));
        signIn("urologist");

        // "Adverse event: yes" with nothing said about it, and the pain not entered
        open(past.get(0));
        type("findings", findings);
        click(By.cssSelector("input[name='adverseEvent'][value='true']"));
        sign("adverse event yes, no description");
        assertRefusedAt("adverseEvents", "painDuring", "painAfter", "trend");
        assertThat(value("findings")).isEqualTo(findings);
        assertThat(draftFindings(past.get(0))).isEqualTo(findings);

        // out of range and too long
        type("painDuring", "11");
        type("painAfter", "0");
        setValue("tolerance", "x".repeat(201));
        sign("pain out of range, tolerance too long");
        assertRefusedAt("painDuring", "tolerance");
        assertThat(feedback("tolerance")).contains("200");
        assertThat(value("findings")).isEqualTo(findings);

        // a session that has not begun: refused, and what was typed is kept, on the page and as the draft
        List<Long> future = new NoteFixtures(jdbc).course("PROSTATE_MASSAGE", "Rano" + lang, 4, -6);
        open(future.get(0));
        fillComplete(findings);
        sign("session not begun");
        assertThat(driver.findElement(By.id("note-errors")).getText()).isNotBlank();
        assertThat(value("findings")).isEqualTo(findings);
        assertThat(value("painDuring")).isEqualTo("1");
        open(future.get(0));
        assertThat(value("findings")).as("the refused signature kept the draft").isEqualTo(findings);
        assertThat(value("painDuring")).isEqualTo("1");

        // changed meanwhile by someone else: refused, what was typed still on the page
        open(past.get(1));
        type("findings", "first");
        click(By.id("save-draft"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("draft-saved")));
        jdbc.sql("UPDATE session_note SET version = version + 1 WHERE session_id = ?").param(past.get(1)).update();
        type("findings", findings);
        click(By.id("save-draft"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("note-errors")));
        judge("changed meanwhile");
        assertThat(value("findings")).isEqualTo(findings);

        assertThat(faults).isEmpty();
    }

    private void open(long session) {
        driver.get(url("/sessions/" + session + "/note"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-note")));
    }

    private void fillComplete(String findings) {
        type("durationMinutes", "5");
        new Select(driver.findElement(By.id("position"))).selectByValue("KNEE_ELBOW");
        type("painDuring", "1");
        type("painAfter", "0");
        new Select(driver.findElement(By.id("trend"))).selectByValue("BETTER");
        type("findings", findings);
    }

    private void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private String value(String id) {
        return driver.findElement(By.id(id)).getAttribute("value");
    }

    private String feedback(String id) {
        return driver.findElement(By.cssSelector("#" + id + " ~ .invalid-feedback")).getText();
    }

    /** Signs, and the page that comes back is whole: the form's buttons at its end, in words, no axe violation. */
    private void sign(String step) throws Exception {
        click(By.id("sign-note"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("note-errors")));
        assertThat(driver.findElements(By.id("sign-note"))).as(step + ": the page ends with its buttons").hasSize(1);
        assertThat(driver.findElements(By.id("previous-note"))).as(step + ": the page is whole").hasSize(1);
        judge(step);
    }

    private void assertRefusedAt(String... ids) {
        for (String id : ids) {
            assertThat(driver.findElement(By.id(id)).getAttribute("class")).as(id + " marked").contains("is-invalid");
            assertThat(feedback(id)).as(id + " says why").isNotBlank();
        }
    }

    private String draftFindings(long session) {
        return jdbc.sql("SELECT findings FROM session_note WHERE session_id = ? AND status = 'DRAFT'").param(session)
                .query(String.class).optional().orElse(null);
    }

    private void judge(String step) throws Exception {
        String where = lang + " " + step;
        String html = driver.getPageSource();
        faults.addAll(ScreenWords.faults(where, html));
        if ("ru".equals(lang) && ScreenWords.visibleText(html).contains("Please correct")) {
            faults.add(where + ": English on the Russian page");
        }
        faults.addAll(seriousViolations(where));
        shot("note-refused-" + lang + "-" + step.replaceAll("\\W+", "-"));
    }
}
