package com.coursebook.course;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.coursebook.support.IntegrationTest;
import com.coursebook.support.TestRecords;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static com.coursebook.course.CourseRulesApiTest.TODAY;
import static com.coursebook.course.CourseRulesApiTest.course;
import static com.coursebook.course.CourseRulesApiTest.monday;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * Safe retries (docs/api.md, "Idempotency-Key") over real HTTP against PostgreSQL: a client that never got its answer
 * sends the same request again with the same key, possibly many times at once, and books once.
 */
@IntegrationTest
class IdempotentRetriesTest {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    @DisplayName("10 concurrent POSTs of one course with the same key book exactly one course; every answer is that "
            + "course's 201 (or a 409 asking to retry), never a second booking")
    void tenConcurrentRetriesBookOnce() throws Exception {
        long practitioner = practitioner("Povtorov");
        long patient = patient("Povtor");
        String body = course(patient, "PROSTATE_MASSAGE", practitioner, 8, monday(TODAY.plusDays(400)), "10:00");
        String key = UUID.randomUUID().toString();
        int threads = 10;
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            sent.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return http.send(courses("reception", key, body), HttpResponse.BodyHandlers.ofString());
            }));
        }
        assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : sent) {
            answers.add(answer.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(jdbc.sql("SELECT count(*) FROM course WHERE patient_id = ?").param(patient).query(Long.class).single())
                .isEqualTo(1L);
        List<HttpResponse<String>> created = answers.stream().filter(a -> a.statusCode() == 201).toList();
        assertThat(created).isNotEmpty();
        assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).isIn(201, 409));
        assertThat(created).allSatisfy(a -> {
            assertThat(a.headers().firstValue("Location")).isEqualTo(created.get(0).headers().firstValue("Location"));
            assertThat(a.body()).isEqualTo(created.get(0).body());
        });
        // A retry is never refused as if it were a second booking (slot taken): at worst it is told to retry.
        assertThat(answers.stream().filter(a -> a.statusCode() == 409)).allSatisfy(a -> {
            assertThat(a.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(a.body()).contains("is still being answered");
        });
    }

    @Test
    @DisplayName("a retry gets the original answer; the same key with another body is 422 and books nothing; another "
            + "user's same key is their own")
    void retryReplaysAndOtherBodyIsRefused() throws Exception {
        long practitioner = practitioner("Klyuchev");
        long patient = patient("Klyuch");
        LocalDate start = monday(TODAY.plusDays(410));
        String body = course(patient, "PROSTATE_MASSAGE", practitioner, 8, start, "10:00");
        String key = "retry-" + UUID.randomUUID();

        HttpResponse<String> first = http.send(courses("reception", key, body), HttpResponse.BodyHandlers.ofString());
        assertThat(first.statusCode()).isEqualTo(201);
        HttpResponse<String> again = http.send(courses("reception", key, body), HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"))
                .isPresent();
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(again.body()).isEqualTo(first.body());

        String other = course(patient, "PROSTATE_MASSAGE", practitioner, 8, start, "12:00");
        HttpResponse<String> reused = http.send(courses("reception", key, other), HttpResponse.BodyHandlers.ofString());
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(reused.body()).contains("already used for a different request");
        assertThat(jdbc.sql("SELECT count(*) FROM course WHERE patient_id = ?").param(patient).query(Long.class).single())
                .isEqualTo(1L);

        // The urologist picked the same key for another booking: keys are per user, so it is theirs.
        long hers = patient("Klyuchik");
        HttpResponse<String> theirs = http.send(courses("urologist", key,
                course(hers, "PROSTATE_MASSAGE", practitioner, 8, start, "14:00")), HttpResponse.BodyHandlers.ofString());
        assertThat(theirs.statusCode()).isEqualTo(201);
        assertThat(theirs.headers().firstValue("Idempotent-Replayed")).isEmpty();
    }

    @Test
    @DisplayName("a patient registration retried through the API registers once")
    void patientRegisteredOnce() throws Exception {
        String family = "Idempotov" + System.nanoTime();
        String body = "{\"givenName\":\"Ilya\",\"familyName\":\"" + family + "\",\"birthDate\":\"1980-01-02\",\"sex\":\"MALE\"}";
        String key = UUID.randomUUID().toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/patients"))
                .header("Authorization", basic("reception")).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> first = http.send(request, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> again = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(jdbc.sql("SELECT count(*) FROM patient WHERE family_name = ?").param(family).query(Long.class)
                .single()).isEqualTo(1L);
    }

    @Test
    @DisplayName("the registration form carries a key of its own; sent twice (a double click) it registers once and "
            + "both answers lead to the same patient")
    void registrationFormSentTwice() throws Exception {
        mvc.perform(get("/patients/new").with(user("reception").roles("RECEPTIONIST")))
                .andExpect(status().isOk())
                .andExpect(content().string(matchesPattern(
                        "(?s).*<input type=\"hidden\" name=\"idempotencyKey\" value=\"[0-9a-f-]{36}\">.*")));
        String family = "Dvazhdov" + System.nanoTime();
        String key = UUID.randomUUID().toString();
        List<String> redirects = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            MvcResult sent = mvc.perform(post("/patients").with(user("reception").roles("RECEPTIONIST")).with(csrf())
                            .param("idempotencyKey", key).param("givenName", "Dmitry").param("familyName", family)
                            .param("birthDate", "1979-05-06").param("sex", "MALE").param("confirmDuplicate", "true"))
                    .andExpect(status().isFound()).andReturn();
            redirects.add(sent.getResponse().getRedirectedUrl());
        }
        assertThat(redirects.get(1)).isEqualTo(redirects.get(0)).startsWith("/patients/");
        assertThat(jdbc.sql("SELECT count(*) FROM patient WHERE family_name = ?").param(family).query(Long.class)
                .single()).isEqualTo(1L);
        // Sent again with other values under the same key: refused in words, nothing registered.
        mvc.perform(post("/patients").with(user("reception").roles("RECEPTIONIST")).with(csrf())
                        .param("idempotencyKey", key).param("givenName", "Other").param("familyName", family)
                        .param("birthDate", "1979-05-06").param("sex", "MALE"))
                .andExpect(status().is(422));
        assertThat(jdbc.sql("SELECT count(*) FROM patient WHERE family_name = ?").param(family).query(Long.class)
                .single()).isEqualTo(1L);
    }

    @Test
    @DisplayName("the course booking form carries a new key each time it is shown")
    void bookingFormCarriesAKey() throws Exception {
        long patient = patient("Formov");
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String page = mvc.perform(get("/patients/{id}/courses/new", patient)
                            .with(user("reception").roles("RECEPTIONIST")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            java.util.regex.Matcher key = java.util.regex.Pattern
                    .compile("<input type=\"hidden\" name=\"idempotencyKey\" value=\"([0-9a-f-]{36})\">").matcher(page);
            assertThat(key.find()).isTrue();
            keys.add(key.group(1));
        }
        assertThat(keys.get(0)).isNotEqualTo(keys.get(1));
    }

    private HttpRequest courses(String user, String key, String body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/courses"))
                .header("Authorization", basic(user)).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    private long practitioner(String familyName) {
        return TestRecords.practitioner(jdbc, familyName);
    }

    private long patient(String familyName) {
        return TestRecords.malePatient(jdbc, familyName);
    }
}
