package com.coursebook.platform;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
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
            Path pidFile = Path.of(JdbcClient.create(server.getPostgresDatabase()).sql("SHOW data_directory")
                    .query(String.class).single(), "postmaster.pid");
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());

            long killedAt = System.nanoTime();
            assertThat(ProcessHandle.of(pid).orElseThrow().destroyForcibly()).isTrue(); // SIGKILL
            List<Answer> answers = new ArrayList<>();
            // The restart takes about a second; to watch the app while the database is away, hold its port for a few
            // seconds, so the first restarts fail ("could not bind") and the watchdog keeps trying.
            try (ServerSocket blocker = bindWithin(server.getPort(), Duration.ofSeconds(3))) {
                long until = System.nanoTime() + Duration.ofSeconds(4).toNanos();
                while (System.nanoTime() < until) {
                    answers.add(ask(http, killedAt));
                    Thread.sleep(200);
                }
            }
            Answer back;
            do {
                Thread.sleep(200);
                back = ask(http, killedAt);
            } while (back.status() != 200 || back.readiness() != 200);
            System.out.println("After kill -9 of the postmaster: " + answers + ", then " + back);

            assertThat(answers).as("answers while the database was down").isNotEmpty().allSatisfy(answer -> {
                assertThat(answer.status()).isEqualTo(503);
                assertThat(answer.tookMillis()).isLessThan(4_000);
                assertThat(answer.contentType()).startsWith("application/problem+json");
                assertThat(answer.liveness()).isEqualTo(200);
            });
            assertThat(answers).anySatisfy(answer -> assertThat(answer.readiness()).isEqualTo(503));
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

    /** The dead server's port, as soon as the kernel has released it. */
    private static ServerSocket bindWithin(int port, Duration limit) throws Exception {
        long until = System.nanoTime() + limit.toNanos();
        while (true) {
            try {
                ServerSocket socket = new ServerSocket();
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
                return socket;
            }
            catch (java.net.BindException ex) {
                if (System.nanoTime() > until) {
                    throw ex;
                }
                Thread.sleep(20);
            }
        }
    }

    private HttpResponse<String> get(HttpClient http, String path) throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString("reception:demo".getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", auth).timeout(Duration.ofSeconds(40)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
