package com.coursebook.notes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.coursebook.support.DatabaseAs;
import com.coursebook.support.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.coursebook.notes.NoteFixtures.completeNote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A signature and a change of its session sent at the same moment, over real HTTP against PostgreSQL: one of them
 * wins, the other is refused in words (409), never both. Behind the application's own checks, the database refuses
 * a cancelled, missed or moved session with a signed note, and a signature on a session that did not take place.
 */
@IntegrationTest
class SignedNoteRaceTest {

    private static final int ROUNDS = 20;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    NoteFixtures fixtures;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void fixtures() {
        fixtures = new NoteFixtures(jdbc);
    }

    @Test
    @DisplayName("signing a note and cancelling its session at the same moment, 20 times: never both; the loser "
            + "gets 409 in words and the database holds no signed note on a cancelled session")
    void signAgainstCancel() {
        assertTimeoutPreemptively(Duration.ofSeconds(180), () -> {
            for (int round = 0; round < ROUNDS; round++) {
                long session = fixtures.course("PROSTATE_MASSAGE", "Gonochnyi" + round, 8, 1).get(0);
                long note = draft(session);
                List<HttpResponse<String>> answers = race(
                        post("/api/notes/" + note + "/sign", null),
                        post("/api/sessions/" + session + "/cancel", "{\"byClinic\":true}"));
                assertOneWins(answers, session);
            }
        });
    }

    @Test
    @DisplayName("signing a note and moving its session months later at the same moment, 20 times: never both; the "
            + "loser gets 409 in words and the database holds no signed note on a moved session")
    void signAgainstMove() {
        assertTimeoutPreemptively(Duration.ofSeconds(180), () -> {
            for (int round = 0; round < ROUNDS; round++) {
                List<Long> sessions = fixtures.course("PROSTATE_MASSAGE", "Pereezdnyi" + round, 8, 1);
                qualifyAndOpenEveryDay(sessions.get(0));
                long session = sessions.get(0);
                long note = draft(session);
                // months later, each round at its own time of day: the clinic's rooms are shared by every round
                LocalDateTime later = LocalDate.now(ZoneId.of("Europe/Moscow")).plusDays(150).atTime(7, 0)
                        .plusMinutes(40L * round);
                String startBefore = start(session);
                List<HttpResponse<String>> answers = race(
                        post("/api/notes/" + note + "/sign", null),
                        patch("/api/sessions/" + session, "{\"startsAt\":\"" + later + "\",\"andLater\":true}"));
                assertOneWins(answers, session);
                boolean signed = "SIGNED".equals(noteStatus(session));
                assertThat(start(session).equals(startBefore)).as("a signed note's session stays put").isEqualTo(signed);
            }
        });
    }

    @Test
    @DisplayName("as the app's role, the database itself refuses to cancel, mark missed or move a session with a "
            + "signed note, and to sign a note of a cancelled session; it still lets attendance be recorded")
    void databaseRefusesDirectly() throws Exception {
        JdbcClient app = DatabaseAs.app(postgres);
        List<Long> sessions = fixtures.course("PROSTATE_MASSAGE", "Upryamyi", 8, 5);
        long signed = sessions.get(0);
        post("/api/notes/" + draft(signed) + "/sign", null).call().statusCode();
        assertThat(noteStatus(signed)).isEqualTo("SIGNED");

        assertThatThrownBy(() -> app.sql("UPDATE course_session SET status = 'CANCELLED_BY_CLINIC' WHERE id = ?")
                .param(signed).update()).isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("has a signed note");
        assertThatThrownBy(() -> app.sql("UPDATE course_session SET status = 'NO_SHOW' WHERE id = ?")
                .param(signed).update()).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> app.sql("UPDATE course_session SET starts_at = starts_at + interval '150 days', "
                + "ends_at = ends_at + interval '150 days' WHERE id = ?").param(signed).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(app.sql("UPDATE course_session SET status = 'ATTENDED' WHERE id = ?").param(signed).update())
                .as("attendance after the signature is still recorded").isEqualTo(1);

        long cancelled = sessions.get(1);
        long draft = draft(sessions.get(2));
        app.sql("UPDATE course_session SET status = 'CANCELLED_EARLY' WHERE id = ?").param(sessions.get(2)).update();
        assertThatThrownBy(() -> app.sql("UPDATE session_note SET status = 'SIGNED', signed_by = author, "
                + "signed_at = now() WHERE id = ?").param(draft).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("did not take place");
        app.sql("UPDATE course_session SET status = 'CANCELLED_EARLY' WHERE id = ?").param(cancelled).update();
        assertThatThrownBy(() -> app.sql("INSERT INTO session_note (session_id, status, author, signed_by, signed_at) "
                + "VALUES (?, 'SIGNED', 'urologist', 'urologist', now())").param(cancelled).update())
                .as("nor a note inserted already signed").isInstanceOf(DataIntegrityViolationException.class);
        assertThat(jdbc.sql("SELECT status FROM course_session WHERE id = ?").param(signed).query(String.class)
                .single()).isEqualTo("ATTENDED");
    }

    /** One 200 and one 409 in words (problem+json), and the database agrees with the winner. */
    private void assertOneWins(List<HttpResponse<String>> answers, long session) {
        List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).toList();
        assertThat(statuses).as(answers.stream().map(HttpResponse::body).toList().toString())
                .containsExactlyInAnyOrder(200, 409);
        HttpResponse<String> loser = answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
        assertThat(loser.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat((String) JsonPath.read(loser.body(), "$.detail")).matches(".*(signed note|did not take place|"
                + "has not begun).*");
        boolean signed = "SIGNED".equals(noteStatus(session));
        boolean sessionWon = answers.get(1).statusCode() == 200;
        assertThat(signed).as("the note is signed exactly when the signature won").isEqualTo(!sessionWon);
        System.out.println("race: " + (signed ? "signature" : "session act") + " won; loser said: "
                + JsonPath.read(loser.body(), "$.detail")); // the figures for the report: who wins, in which words
        if (signed) {
            assertThat(jdbc.sql("SELECT status FROM course_session WHERE id = ?").param(session).query(String.class)
                    .single()).isEqualTo("BOOKED");
        }
    }

    private List<HttpResponse<String>> race(Call first, Call second) throws Exception {
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<HttpResponse<String>>> futures = List.of(first, second).stream().map(call -> pool.submit(() -> {
                ready.countDown();
                go.await();
                return call.call();
            })).toList();
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            return List.of(futures.get(0).get(30, TimeUnit.SECONDS), futures.get(1).get(30, TimeUnit.SECONDS));
        }
        finally {
            pool.shutdownNow();
        }
    }

    private long draft(long session) throws Exception {
        HttpResponse<String> created = post("/api/sessions/" + session + "/notes", completeNote("")).call();
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return ((Number) JsonPath.read(created.body(), "$.id")).longValue();
    }

    /** The fixture's practitioner may perform the program any day, so a move is judged only on the note. */
    private void qualifyAndOpenEveryDay(long session) {
        long practitioner = jdbc.sql("SELECT practitioner_id FROM course_session WHERE id = ?").param(session)
                .query(Long.class).single();
        jdbc.sql("INSERT INTO practitioner_program (practitioner_id, program_id) "
                + "SELECT ?, id FROM treatment_program WHERE code = 'PROSTATE_MASSAGE'").param(practitioner).update();
        for (DayOfWeek day : DayOfWeek.values()) {
            jdbc.sql("INSERT INTO working_hours (practitioner_id, day_of_week, starts_at, ends_at) "
                    + "VALUES (?, ?, time '07:00', time '21:00')").params(practitioner, day.getValue()).update();
        }
    }

    private String noteStatus(long session) {
        return jdbc.sql("SELECT status FROM session_note WHERE session_id = ?").param(session).query(String.class)
                .single();
    }

    private String start(long session) {
        return jdbc.sql("SELECT starts_at::text FROM course_session WHERE id = ?").param(session).query(String.class)
                .single();
    }

    @FunctionalInterface
    private interface Call {
        HttpResponse<String> call() throws Exception;
    }

    private Call post(String path, String json) {
        return send(path, "POST", json);
    }

    private Call patch(String path, String json) {
        return send(path, "PATCH", json);
    }

    private Call send(String path, String method, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("urologist:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .build();
        return () -> http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
