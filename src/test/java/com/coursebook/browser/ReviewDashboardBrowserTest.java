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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** An admin in a real browser: the review dashboard draws its charts (no inline script) and drills down to a course. */
@IntegrationTest
class ReviewDashboardBrowserTest {

    @LocalServerPort
    int port;

    ChromeDriver driver;

    WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws Exception {
        driver = Browser.start();
        driver.manage().window().setSize(new Dimension(1400, 1900));
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    @DisplayName("admin opens the review: the demo year shows on cards and three charts, and a number leads to its courses")
    void dashboardAndDrillDown() throws Exception {
        driver.get("http://localhost:" + port + "/review");
        wait.until(ExpectedConditions.urlContains("/login"));
        driver.findElement(By.id("username")).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("review-charts"), "data-drawn", "true"));
        assertThat(driver.findElements(By.cssSelector("[data-chart] canvas"))).hasSize(3);
        assertThat(driver.findElement(By.id("at-risk")).getText()).contains("Courses about to be abandoned");
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        Files.write(shots.resolve("review-dashboard.png"), driver.getScreenshotAs(OutputType.BYTES));

        driver.findElement(By.cssSelector("[data-figure='completed']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("courses")));
        driver.findElement(By.cssSelector("#courses tbody a")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sessions")));
        assertThat(driver.findElement(By.id("course-summary")).getText()).contains("Completed");
    }
}
