package com.coursebook.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

/** What every real-browser test needs: a fresh headless Chromium against the running app, and a few moves. */
abstract class BrowserTest {

    static final Path AXE = Path.of(System.getProperty("coursebook.axe", ".tools/node_modules/axe-core/axe.min.js"));

    @LocalServerPort
    int port;

    ChromeDriver driver;

    WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws Exception {
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        // A page that reloads between finding an element and reading it: look again rather than fail.
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void signIn(String user) {
        signIn(user, "demo");
    }

    void signIn(String user, String password) {
        driver.get(url("/login"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /** Scrolls the element to the middle of the window first (instantly: Bootstrap makes scrolling smooth). */
    void click(By by) {
        click(wait.until(ExpectedConditions.presenceOfElementLocated(by)));
    }

    void click(WebElement element) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    /** Chooses the first option whose text contains {@code text} (names are shown, ids are values). */
    void selectByText(By by, String text) {
        Select select = new Select(wait.until(ExpectedConditions.presenceOfElementLocated(by)));
        for (WebElement option : select.getOptions()) {
            if (option.getText().contains(text)) {
                select.selectByValue(option.getAttribute("value"));
                return;
            }
        }
        throw new AssertionError("no option " + text + " in " + by);
    }

    /** Date and time inputs take typed text in the browser's locale; setting the value is locale-proof. */
    void setValue(String id, String value) {
        driver.executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }

    /**
     * axe-core, the accessibility engine, over the page on screen: one line per serious or critical violation and
     * element, with what axe says about it. axe-core is not served by the app and not fetched from a CDN: {@code
     * .ci/run} installs the npm package into {@code .tools/} and this injects it into the page.
     */
    @SuppressWarnings("unchecked")
    List<String> seriousViolations(String where) throws IOException {
        if (!Files.isReadable(AXE)) {
            throw new IllegalStateException("The accessibility check needs axe-core: npm install --prefix .tools "
                    + "axe-core@4.14.1 (.ci/run does it)");
        }
        driver.executeScript(Files.readString(AXE));
        Object result = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                    .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                        .flatMap(v => v.nodes.map(n => ({ id: v.id, impact: v.impact,
                            target: n.target.join(' '), why: n.failureSummary })))))
                    .catch(e => done([{ id: 'axe-error', impact: 'critical', target: '', why: String(e) }]));
                """);
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) result) {
            lines.add(where + ": " + v.get("id") + " (" + v.get("impact") + ") at " + v.get("target") + ": "
                    + String.valueOf(v.get("why")).replace('\n', ' '));
        }
        return lines;
    }

    void shot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }
}
