package com.coursebook.platform.backup;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipOutputStream;

import com.coursebook.platform.ConditionalOnEmbeddedDatabase;
import com.coursebook.platform.EmbeddedDatabaseProperties;
import com.coursebook.platform.SupervisedPostgres;
import com.coursebook.shared.ClinicClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Online backups of the embedded database into {@code coursebook.backup.directory}: on a schedule
 * ({@code coursebook.backup.cron}) and when an admin asks, keeping the newest {@code coursebook.backup.keep}. One at a
 * time, whichever instance or button asks: the backup's own connection holds a PostgreSQL advisory lock throughout,
 * and a scheduled run that finds another scheduled run of the last few minutes stands aside, so the schedule fires
 * once however many instances share the database. The last run (time, outcome, size) is kept in the folder.
 */
@Service
@EnableScheduling
@ConditionalOnEmbeddedDatabase
public class Backups {

    private static final Logger log = LoggerFactory.getLogger(Backups.class);

    /** Any 64-bit number of our own; {@code SlotTallyCompactor}'s lock is another. */
    static final long LOCK = 0x636f_7572_7365_4241L;

    /** A scheduled run this recent means the schedule already fired (on another instance). */
    static final Duration SAME_FIRING = Duration.ofMinutes(5);

    static final String LAST_RUN = "last-backup.properties";

    private final SupervisedPostgres server;

    private final String database;

    private final Path directory;

    private final int keep;

    private final ClinicClock clock;

    Backups(SupervisedPostgres server, EmbeddedDatabaseProperties database, BackupProperties properties,
            ClinicClock clock) {
        this.server = server;
        this.database = database.database();
        this.directory = Path.of(properties.directory()).toAbsolutePath().normalize();
        this.keep = properties.keep();
        this.clock = clock;
    }

    public enum Trigger {
        SCHEDULED, MANUAL
    }

    public enum Outcome {
        SUCCEEDED, FAILED
    }

    /** One backup run: for a failure, what went wrong (the operator's words: a path, "No space left on device"). */
    public record Run(Trigger trigger, String requestedBy, Instant startedAt, Instant finishedAt, Outcome outcome,
            String file, long sizeBytes, String problem) {
    }

    /** A backup kept in the folder. */
    public record Kept(String file, Instant takenAt, long sizeBytes) {
    }

    /** Takes a backup now; empty when another one is being taken (nothing is done then). */
    public Optional<Run> backUpNow(String requestedBy) {
        return run(Trigger.MANUAL, requestedBy);
    }

    @Scheduled(cron = "${coursebook.backup.cron:-}", zone = "${coursebook.clinic.time-zone:}")
    void scheduled() {
        run(Trigger.SCHEDULED, "schedule").ifPresent(run -> log.info("Scheduled backup: {} {}", run.outcome(),
                run.outcome() == Outcome.SUCCEEDED ? run.file() : run.problem()));
    }

    public Optional<Run> last() {
        Path file = directory.resolve(LAST_RUN);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties p = new Properties();
            p.load(reader);
            return Optional.of(new Run(Trigger.valueOf(p.getProperty("trigger")), p.getProperty("requestedBy"),
                    Instant.parse(p.getProperty("startedAt")), Instant.parse(p.getProperty("finishedAt")),
                    Outcome.valueOf(p.getProperty("outcome")), emptyToNull(p.getProperty("file")),
                    Long.parseLong(p.getProperty("sizeBytes", "0")), emptyToNull(p.getProperty("problem"))));
        }
        catch (IOException | RuntimeException ex) {
            log.warn("Cannot read {}: {}", file, ex.toString());
            return Optional.empty();
        }
    }

    /** The backups in the folder, newest first. */
    public List<Kept> kept() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.flatMap(file -> BackupArchive.takenAt(file)
                    .map(at -> new Kept(file.getFileName().toString(), at, size(file))).stream())
                    .sorted(Comparator.comparing(Kept::takenAt).reversed()).toList();
        }
        catch (IOException ex) {
            log.warn("Cannot list {}: {}", directory, ex.toString());
            return List.of();
        }
    }

    public Path directory() {
        return directory;
    }

    private Optional<Run> run(Trigger trigger, String requestedBy) {
        Instant started = clock.now();
        try (Connection connection = server.superuser(database).getConnection()) {
            if (!lock(connection)) {
                log.info("A backup is being taken already; this {} one stands aside", trigger);
                return Optional.empty();
            }
            if (trigger == Trigger.SCHEDULED && last().filter(run -> run.trigger() == Trigger.SCHEDULED)
                    .filter(run -> run.startedAt().isAfter(started.minus(SAME_FIRING))).isPresent()) {
                log.info("The scheduled backup ran on another instance already");
                return Optional.empty();
            }
            return Optional.of(record(takeInto(connection, trigger, requestedBy, started)));
        }
        catch (SQLException ex) {
            return Optional.of(record(failed(trigger, requestedBy, started, ex)));
        }
    }

    private Run takeInto(Connection connection, Trigger trigger, String requestedBy, Instant started) {
        String name = BackupArchive.fileName(started);
        Path target = directory.resolve(name);
        Path partial = directory.resolve(name + ".part");
        try {
            Files.createDirectories(directory);
            Files.deleteIfExists(partial);
            // patient data: readable by the app's own user only
            if (Files.getFileAttributeView(directory, PosixFileAttributeView.class) != null) {
                Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial))) {
                zip.setLevel(Deflater.BEST_SPEED); // WAL and table files shrink well even so; CPU is scarce
                OnlineBackup.take(connection, server.dataDirectory(), zip);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            Run run = new Run(trigger, requestedBy, started, clock.now(), Outcome.SUCCEEDED, name, size(target), null);
            log.info("Backup {} taken ({} bytes) into {}", name, run.sizeBytes(), directory);
            pruneToNewest();
            return run;
        }
        catch (IOException | SQLException | RuntimeException ex) {
            deleteQuietly(partial);
            return failed(trigger, requestedBy, started, ex);
        }
    }

    private Run failed(Trigger trigger, String requestedBy, Instant started, Exception ex) {
        log.error("Backup failed", ex);
        String problem = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        return new Run(trigger, requestedBy, started, clock.now(), Outcome.FAILED, null, 0,
                problem.length() > 300 ? problem.substring(0, 300) : problem);
    }

    private static boolean lock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT pg_try_advisory_lock(" + LOCK + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private void pruneToNewest() {
        for (Kept old : kept().stream().skip(keep).toList()) {
            deleteQuietly(directory.resolve(old.file()));
            log.info("Backup {} deleted: only the newest {} are kept", old.file(), keep);
        }
    }

    private Run record(Run run) {
        Properties p = new Properties();
        p.setProperty("trigger", run.trigger().name());
        p.setProperty("requestedBy", run.requestedBy());
        p.setProperty("startedAt", run.startedAt().toString());
        p.setProperty("finishedAt", run.finishedAt().toString());
        p.setProperty("outcome", run.outcome().name());
        p.setProperty("file", run.file() == null ? "" : run.file());
        p.setProperty("sizeBytes", Long.toString(run.sizeBytes()));
        p.setProperty("problem", run.problem() == null ? "" : run.problem());
        try {
            Files.createDirectories(directory);
            Path temporary = directory.resolve(LAST_RUN + ".part");
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                p.store(writer, "The last backup run (coursebook.backup)");
            }
            Files.move(temporary, directory.resolve(LAST_RUN), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        }
        catch (IOException ex) {
            log.warn("Cannot record the last backup run in {}: {}", directory, ex.toString());
        }
        return run;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        }
        catch (IOException ex) {
            return 0;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException ex) {
            log.warn("Cannot delete {}: {}", file, ex.toString());
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
