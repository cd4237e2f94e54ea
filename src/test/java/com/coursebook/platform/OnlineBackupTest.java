package com.coursebook.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.coursebook.platform.backup.BackupArchive;
import com.coursebook.platform.backup.Backups;
import com.coursebook.support.IntegrationTest;
import com.coursebook.support.TestRecords;
import com.jayway.jsonpath.JsonPath;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * An online backup of the embedded database, taken while receptionists keep booking through the API, restored into a
 * new folder the way docs/operations.md says (the app's own restore at start), holds every booking acknowledged
 * before it began and a whole audit chain.
 */
@IntegrationTest
class OnlineBackupTest {

    @LocalServerPort
    int port;

    @Autowired
    Backups backups;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path restoreInto;

    @Test
    @DisplayName("a backup taken during a burst of bookings restores into a fresh folder with every booking "
            + "acknowledged before it began and an unbroken audit chain")
    void backupDuringBookingsRestores() {
        assertTimeoutPreemptively(Duration.ofMinutes(4), () -> {
            int threads = 4;
            LocalDate start = LocalDate.now(ZoneId.of("Europe/Moscow")).plusDays(500)
                    .with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
            List<Long> practitioners = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                practitioners.add(practitioner("Backupov" + t));
            }
            Queue<Long> acknowledged = new ConcurrentLinkedQueue<>();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            HttpClient http = HttpClient.newHttpClient();
            String auth = "Basic " + Base64.getEncoder().encodeToString("reception:demo".getBytes(StandardCharsets.UTF_8));
            List<Future<Integer>> bookers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long practitioner = practitioners.get(t);
                int hour = t; // each its own hour of the day, so they never compete for a room
                bookers.add(pool.submit(() -> {
                    int booked = 0;
                    for (int i = 0; !stop.get() && i < 200; i++) {
                        // four weeks apart, so one practitioner's courses never overlap
                        String body = "{\"patientId\":" + patient("Backupova") + ",\"programCode\":\"PROSTATE_MASSAGE\","
                                + "\"practitionerId\":" + practitioner + ",\"sessionCount\":8,\"firstSessionAt\":\""
                                + start.plusWeeks(4L * i) + String.format("T%02d:00\"}", 9 + 2 * hour);
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                        URI.create("http://localhost:" + port + "/api/courses"))
                                .header("Authorization", auth).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                        acknowledged.add(((Number) JsonPath.read(response.body(), "$.id")).longValue());
                        booked++;
                    }
                    return booked;
                }));
            }
            while (acknowledged.size() < 8) {
                Thread.sleep(50);
            }
            List<Long> beforeBackup = List.copyOf(acknowledged);

            Backups.Run run = backups.backUpNow("test").orElseThrow();
            int duringBackup = acknowledged.size() - beforeBackup.size();

            stop.set(true);
            for (Future<Integer> booker : bookers) {
                booker.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertThat(run.outcome()).as(run.problem()).isEqualTo(Backups.Outcome.SUCCEEDED);
            assertThat(duringBackup).as("bookings acknowledged while the backup ran").isPositive();
            Path archive = backups.directory().resolve(run.file());
            assertThat(archive).isRegularFile();
            assertThat(backups.last()).hasValueSatisfying(last -> {
                assertThat(last.file()).isEqualTo(run.file());
                assertThat(last.sizeBytes()).isEqualTo(run.sizeBytes()).isPositive();
            });

            Path dataDirectory = restoreInto.resolve("pg");
            BackupArchive.restore(archive, dataDirectory);
            try (EmbeddedPostgres restored = SupervisedPostgres.start(dataDirectory, 0, Map.of())) {
                JdbcClient db = JdbcClient.create(restored.getDatabase("postgres", "coursebook"));
                assertThat(db.sql("SELECT id FROM course WHERE id IN (:ids)").param("ids", beforeBackup)
                        .query(Long.class).list()).containsExactlyInAnyOrderElementsOf(beforeBackup);
                Map<String, Object> verification = db.sql("SELECT rows_checked, broken_seq, problem FROM audit_verify()")
                        .query().singleRow();
                assertThat((Long) verification.get("rows_checked")).isPositive();
                assertThat(verification.get("broken_seq")).isNull();
                assertThat(verification.get("problem")).isNull();
            }
        });
    }

    @Test
    @DisplayName("a restore never writes into a data folder that holds anything")
    void restoreRefusesAFolderInUse() throws Exception {
        Backups.Run run = backups.backUpNow("test").orElseThrow();
        Path occupied = Files.createDirectories(restoreInto.resolve("occupied"));
        Files.writeString(occupied.resolve("PG_VERSION"), "18\n");
        org.assertj.core.api.Assertions.assertThatIllegalStateException()
                .isThrownBy(() -> BackupArchive.restore(backups.directory().resolve(run.file()), occupied))
                .withMessageContaining("new data folder only");
        assertThat(Files.readString(occupied.resolve("PG_VERSION"))).isEqualTo("18\n");
    }

    private long practitioner(String familyName) {
        return TestRecords.practitioner(jdbc, familyName);
    }

    private long patient(String familyName) {
        return TestRecords.malePatient(jdbc, familyName);
    }
}
