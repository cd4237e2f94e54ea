package com.coursebook.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.coursebook.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The embedded PostgreSQL killed under the running app (kill -9 of the postmaster): the watchdog notices, starts it
 * again on the same folder and port, and the app serves again by itself; meanwhile the API answers a quick 503 with
 * problem details (never a 500, never after 30 s), and the readiness probe says DOWN while liveness stays UP.
 */
@IntegrationTest
class DeadDatabaseTest {

    @LocalServerPort
    int port;

    @Autowired
    SupervisedPostgres server;

    @Autowired
    JdbcClient jdbc;

    record Answer(long atMillis, int status, long tookMillis, String contentType, int readiness) {
    }

    @Test
    @DisplayName("killed, the embedded server is restarted and the app serves again; meanwhile quick 503s, not ready")
    void killedServerComesBack() {
        assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
            long kept = jdbc.sql("INSERT INTO patient (given_name, family_name, birth_date, sex) "
                    + "VALUES ('Test', 'Crashova', DATE '1980-01-01', 'FEMALE') RETURNING id").query(Long.class).single();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            assertThat(get(http, "/api/catalog/programs").statusCode()).isEqualTo(200);
            long pid = SupervisedPostgres.readPid(server.dataDirectory().resolve("postmaster.pid")).orElseThrow();

            long killedAt = System.nanoTime();
            assertThat(ProcessHandle.of(pid).orElseThrow().destroyForcibly()).isTrue(); // SIGKILL
            List<Answer> answers = new ArrayList<>();
            boolean sawDown = false;
            while (true) {
                sawDown |= !server.isUp();
                long before = System.nanoTime();
                HttpResponse<String> response = get(http, "/api/catalog/programs");
                long took = (System.nanoTime() - before) / 1_000_000;
                int readiness = get(http, "/actuator/health/readiness").statusCode();
                answers.add(new Answer((before - killedAt) / 1_000_000, response.statusCode(), took,
                        response.headers().firstValue("Content-Type").orElse(""), readiness));
                if (response.statusCode() == 200 && server.isUp()) {
                    break;
                }
                Thread.sleep(100);
            }
            System.out.println("After kill -9 of the postmaster: " + answers);

            assertThat(sawDown).as("the watchdog noticed the server was dead").isTrue();
            List<Answer> refused = answers.stream().filter(answer -> answer.status() != 200).toList();
            assertThat(refused).as("answers while the database was down").isNotEmpty()
                    .allSatisfy(answer -> {
                        assertThat(answer.status()).isEqualTo(503);
                        assertThat(answer.tookMillis()).isLessThan(4_000);
                        assertThat(answer.contentType()).startsWith("application/problem+json");
                    });
            assertThat(answers).anySatisfy(answer -> assertThat(answer.readiness()).isEqualTo(503));
            assertThat(get(http, "/actuator/health/readiness").statusCode()).isEqualTo(200);
            assertThat(get(http, "/actuator/health/liveness").statusCode()).isEqualTo(200);
            long newPid = SupervisedPostgres.readPid(server.dataDirectory().resolve("postmaster.pid")).orElseThrow();
            assertThat(newPid).isNotEqualTo(pid);
            assertThat(jdbc.sql("SELECT family_name FROM patient WHERE id = ?").param(kept).query(String.class).single())
                    .isEqualTo("Crashova");
        });
    }

    private HttpResponse<String> get(HttpClient http, String path) throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString("reception:demo".getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", auth).timeout(Duration.ofSeconds(40)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
