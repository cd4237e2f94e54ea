package com.coursebook.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.coursebook.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A receptionist in a real browser: sign in, register a patient, find them again as she types. */
@IntegrationTest
class ReceptionJourneyBrowserTest {

    @LocalServerPort
    int port;

    ChromeDriver driver;

    WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws Exception {
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (driver != null) {
            Path shots = Path.of("target", "screenshots");
            Files.createDirectories(shots);
            Files.write(shots.resolve("reception-journey.png"), driver.getScreenshotAs(OutputType.BYTES));
            driver.quit();
        }
    }

    @Test
    @DisplayName("reception signs in, registers a patient and finds them by typing part of the name")
    void registerAndFind() {
        driver.get("http://localhost:" + port + "/patients");
        wait.until(ExpectedConditions.urlContains("/login"));
        driver.findElement(By.id("username")).sendKeys("reception");
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q")));

        driver.findElement(By.linkText("Register patient")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("familyName")));
        driver.findElement(By.id("familyName")).sendKeys("Brauzerova");
        driver.findElement(By.id("givenName")).sendKeys("Selena");
        setDate(driver, "birthDate", "1986-09-15");
        driver.findElement(By.cssSelector("input[name='sex'][value='FEMALE']")).click();
        driver.findElement(By.id("phone")).sendKeys("+7 903 555-66-77");
        driver.findElement(By.id("save-patient")).click();

        wait.until(ExpectedConditions.textToBe(By.id("patient-name"), "Brauzerova Selena"));
        assertThat(driver.getPageSource()).contains("Patient registered.").contains("1986-09-15");

        driver.findElement(By.linkText("Patients")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q"))).sendKeys("brauzer");
        // The list updates as she types, without pressing Search.
        // The list is replaced as each keystroke's answer arrives, so an element found a moment ago may be gone.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class).until(d -> {
                    d.findElement(By.linkText("Brauzerova Selena")).click();
                    return true;
                });
        wait.until(ExpectedConditions.textToBe(By.id("patient-name"), "Brauzerova Selena"));
        assertThat(driver.getPageSource()).contains("+7 903 555-66-77");
    }

    /** Date inputs take typed text in the browser's locale; setting the value is locale-proof. */
    private static void setDate(WebDriver driver, String id, String isoDate) {
        ((ChromeDriver) driver).executeScript("document.getElementById(arguments[0]).value = arguments[1];", id,
                isoDate);
    }
}
