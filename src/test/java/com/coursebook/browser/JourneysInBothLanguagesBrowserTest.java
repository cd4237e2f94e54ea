package com.coursebook.browser;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import com.coursebook.notes.NoteFixtures;
import com.coursebook.support.IntegrationTest;
import com.coursebook.support.ScreenWords;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reception, a clinician and the admin walk their main journeys in a real browser, in English and in Russian,
 * by clicking and typing as a person would. Every page on the way is judged twice: its words (no placeholder, no
 * code, no missing message, in the chosen language) and axe-core (no serious or critical violation).
 */
@IntegrationTest
class JourneysInBothLanguagesBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    private final List<String> faults = new ArrayList<>();

    private String lang;

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = { "en", "ru" })
    @DisplayName("reception registers a patient, books a course, prints the handout, cancels a session with "
            + "confirmation and sees the worklist and calendar")
    void reception(String lang) throws Exception {
        this.lang = lang;
        String family = ("en".equals(lang) ? "Yazykov" : "Языков") + Long.toString(System.nanoTime(), 36);
        LocalDate first = LocalDate.now(ZoneId.of("Europe/Moscow")).plusDays("en".equals(lang) ? 260 : 330)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));

        signInIn("reception");
        click(By.cssSelector("#main-nav a[href='/patients/new']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("familyName"))).sendKeys(family);
        judge("patient form");
        driver.findElement(By.id("givenName")).sendKeys("en".equals(lang) ? "Ivan" : "Иван");
        setValue("birthDate", "1971-02-03");
        driver.findElement(By.cssSelector("input[name='sex'][value='MALE']")).click();
        click(By.id("save-patient"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("patient-name")));
        judge("chart of a new patient");

        click(By.id("book-course"));
        new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("programCode"))))
                .selectByValue("PROSTATE_MASSAGE");
        selectByText(By.id("practitionerId"), "Urvantsev");
        setValue("firstDate", first.toString());
        setValue("time", "16:30");
        judge("booking form");
        click(By.id("check-course"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("plan-sessions")));
        judge("the plan");
        click(By.id("book-now"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("courses")));
        judge("chart with the booked course");

        String chart = driver.getCurrentUrl();
        driver.get(driver.findElement(By.cssSelector("#courses a[href$='/print']")).getAttribute("href"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
        judge("the handout");

        driver.get(chart);
        click(By.cssSelector(".session-list li:nth-of-type(2) a"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("session-when")));
        judge("a booked session");
        click(By.cssSelector("form[action$='/cancel'] button[type=submit]"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-cancel")));
        judge("the cancel confirmation");
        click(By.id("cancel-yes"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("replacement")));
        judge("a cancelled session, offering a replacement");

        click(By.cssSelector("#main-nav a[href='/worklist']"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
        judge("the worklist");
        click(By.cssSelector("#main-nav a[href='/calendar']"));
        selectByText(By.id("cal-practitioner"), "Urvantsev");
        setValue("cal-date", first.toString());
        click(By.cssSelector("form[action$='/calendar'] button[type=submit]"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".calendar-entry")));
        judge("the week calendar");

        click(By.cssSelector("#main-nav a[href='/patients']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q"))).sendKeys(family.substring(0, 5));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results a")));
        judge("patient search");

        assertThat(jdbc.sql("SELECT count(*) FROM course_session s JOIN patient p ON p.id = s.patient_id "
                + "WHERE p.family_name = ? AND s.status = 'BOOKED'").param(family).query(Integer.class).single())
                .as("the course was booked and one session cancelled").isEqualTo(9);
        assertThat(faults).isEmpty();
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = { "en", "ru" })
    @DisplayName("a urologist opens My day, writes and signs the note of a session that took place, and sees the "
            + "notes still to sign")
    void clinician(String lang) throws Exception {
        this.lang = lang;
        List<Long> sessions = new NoteFixtures(jdbc).course("PROSTATE_MASSAGE", "Perevodov", 8, 20);

        signInIn("urologist");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("unsigned-notes")));
        judge("My day");
        driver.get(url("/sessions/" + sessions.get(0)));
        click(By.id("session-note-link"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("durationMinutes")));
        judge("an empty note");
        driver.findElement(By.id("durationMinutes")).sendKeys("2");
        new Select(driver.findElement(By.id("position"))).selectByIndex(1);
        driver.findElement(By.id("technique")).sendKeys("en".equals(lang) ? "Stroking" : "Поглаживание");
        driver.findElement(By.id("painDuring")).sendKeys("1");
        driver.findElement(By.id("painAfter")).sendKeys("0");
        new Select(driver.findElement(By.id("trend"))).selectByValue("SAME");
        driver.findElement(By.id("findings")).sendKeys("en".equals(lang) ? "Gland tender" : "Железа болезненна");
        click(By.id("sign-note"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-note")));
        judge("the signed note");

        click(By.cssSelector("#main-nav a[href='/today']"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("unsigned-notes")));
        driver.get(driver.findElement(By.cssSelector("#unsigned-notes a")).getAttribute("href"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
        judge("notes still to sign");

        assertThat(jdbc.sql("SELECT status FROM session_note WHERE session_id = ?").param(sessions.get(0))
                .query(String.class).single()).isEqualTo("SIGNED");
        assertThat(faults).isEmpty();
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = { "en", "ru" })
    @DisplayName("the admin reads the review dashboard, drills into stopped courses and one course, and opens the "
            + "catalog and scheduling administration")
    void admin(String lang) throws Exception {
        this.lang = lang;
        signInIn("admin");
        click(By.cssSelector("#main-nav a[href='/review']"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("figures")));
        judge("the review dashboard");
        click(By.cssSelector("#figures a[data-figure='stopped']"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
        judge("the stopped courses");
        click(By.cssSelector("main table a[href*='/review/courses/']"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
        judge("one course's review");

        click(By.cssSelector("#main-nav a[href='/catalog']"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
        judge("the catalog");
        driver.get(url("/admin/catalog/programs/GYNECOLOGICAL_MASSAGE"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("form")));
        judge("a program's administration");
        click(By.cssSelector("#main-nav a[href='/admin/scheduling']"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
        judge("scheduling administration");
        click(By.cssSelector("main a[href*='/admin/scheduling/practitioners/']"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
        judge("a practitioner's hours");
        assertThat(faults).isEmpty();
    }

    /** Chooses the language on the sign-in page, as a person would with its EN | RU switch, then signs in. */
    private void signInIn(String user) {
        driver.get(url("/login?lang=" + lang));
        judgeQuietly("the sign-in page");
        signIn(user);
    }

    /** The page on screen, in words of the chosen language and with no serious accessibility violation. */
    private void judge(String page) throws Exception {
        String where = lang + " " + page;
        judgeQuietly(page);
        faults.addAll(seriousViolations(where));
        shot("journey-" + lang + "-" + page.replaceAll("\\W+", "-"));
    }

    private void judgeQuietly(String page) {
        String where = lang + " " + page;
        String html = driver.getPageSource();
        faults.addAll(ScreenWords.faults(where, html));
        String pageLang = driver.findElement(By.tagName("html")).getAttribute("lang");
        if (!lang.equals(pageLang)) {
            faults.add(where + ": the page is in '" + pageLang + "'");
        }
        boolean cyrillic = ScreenWords.visibleText(html).codePoints()
                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC);
        if ("ru".equals(lang) && !cyrillic) {
            faults.add(where + ": no Russian word on the page");
        }
    }
}
