package com.coursebook.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.coursebook.support.IntegrationTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The embedded PostgreSQL killed under the running app (kill -9 of the postmaster): the watchdog notices, starts it
 * again on the same folder and port, and the app serves again by itself; meanwhile the API answers a quick 503 with
 * problem details (never a 500, never after 30 s), and the readiness probe says DOWN while liveness stays UP.
 */
@IntegrationTest
// A context (and a database) of its own, closed afterwards: the kill must not touch the server other tests share.
@TestPropertySource(properties = "coursebook.test.context=dead-database")
@DirtiesContext
class DeadDatabaseTest {

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedPostgres server;

    @Autowired
    JdbcClient jdbc;

    record Answer(long atMillis, int status, long tookMillis, String contentType, int readiness, int liveness) {
    }

    @Test
    @DisplayName("killed, the embedded server is restarted and the app serves again; meanwhile quick 503s, not ready")
    void killedServerComesBack() {
        assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
            long kept = jdbc.sql("INSERT INTO patient (given_name, family_name, birth_date, sex) "
                    + "VALUES ('Test', 'Crashova', DATE '1980-01-01', 'FEMALE') RETURNING id").query(Long.class).single();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            assertThat(get(http, "/api/catalog/programs").statusCode()).isEqualTo(200);
            // Many connections in the pool first, as in a busy clinic: each one lent out after the kill would fail its
            // request (a sign-in's among them, which must not count as a wrong password) unless the pool drops them.
            List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> busy = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                busy.add(http.sendAsync(request("/api/patients?query=a"), HttpResponse.BodyHandlers.ofString()));
            }
            for (var each : busy) {
                assertThat(each.get().statusCode()).isEqualTo(200);
            }
            Path pidFile = Path.of(JdbcClient.create(server.getPostgresDatabase()).sql("SHOW data_directory")
                    .query(String.class).single(), "postmaster.pid");
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());

            long killedAt = System.nanoTime();
            assertThat(ProcessHandle.of(pid).orElseThrow().destroyForcibly()).isTrue(); // SIGKILL
            // Asked every 100 ms from the kill until it serves again: while it is down, each answer must be a quick 503
            // in words; then 200 with the data from before, from a new server process.
            List<Answer> answers = new ArrayList<>();
            Answer back;
            long giveUp = killedAt + Duration.ofSeconds(90).toNanos();
            do {
                back = ask(http, killedAt);
                answers.add(back);
                Thread.sleep(100);
            } while ((back.status() != 200 || back.readiness() != 200) && System.nanoTime() < giveUp);
            System.out.println("After kill -9 of the postmaster: " + answers);
            assertThat(back.status()).as("serving again within 90 s: %s", answers).isEqualTo(200);

            assertThat(answers).as("answers until it served again").allSatisfy(answer -> {
                assertThat(answer.status()).isIn(200, 503);
                assertThat(answer.tookMillis()).isLessThan(4_000);
                assertThat(answer.liveness()).isEqualTo(200);
                if (answer.status() == 503) {
                    assertThat(answer.contentType()).startsWith("application/problem+json");
                }
            });
            assertThat(get(http, "/actuator/health/readiness").statusCode()).isEqualTo(200);
            assertThat(get(http, "/actuator/health/liveness").statusCode()).isEqualTo(200);
            long newPid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            assertThat(newPid).isNotEqualTo(pid);
            assertThat(jdbc.sql("SELECT family_name FROM patient WHERE id = ?").param(kept).query(String.class).single())
                    .isEqualTo("Crashova");
        });
    }

    private Answer ask(HttpClient http, long killedAt) throws Exception {
        long before = System.nanoTime();
        HttpResponse<String> response = get(http, "/api/catalog/programs");
        long took = (System.nanoTime() - before) / 1_000_000;
        return new Answer((before - killedAt) / 1_000_000, response.statusCode(), took,
                response.headers().firstValue("Content-Type").orElse(""),
                get(http, "/actuator/health/readiness").statusCode(), get(http, "/actuator/health/liveness").statusCode());
    }

    private HttpResponse<String> get(HttpClient http, String path) throws Exception {
        return http.send(request(path), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path) {
        String auth = "Basic " + Base64.getEncoder().encodeToString("reception:demo".getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", auth).timeout(Duration.ofSeconds(10)).GET().build();
    }
}
