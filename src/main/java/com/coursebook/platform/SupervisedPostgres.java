package com.coursebook.platform;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.util.FileSystemUtils;

/**
 * The embedded PostgreSQL server, kept running: a watchdog looks at the postmaster named in {@code postmaster.pid}
 * every second, and when it has died (killed, crashed, out of memory) starts a new one on the same data folder and
 * port, so PostgreSQL's crash recovery brings the committed data back and the connection pools simply reconnect.
 * While it is down the app is not ready (readiness probe DOWN) and {@link #isUp()} says so, so requests are refused
 * at once with a 503 instead of waiting for a connection.
 */
public final class SupervisedPostgres implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(SupervisedPostgres.class);

    static final Duration WATCH_EVERY = Duration.ofSeconds(1);

    private static final Duration LONGEST_RETRY = Duration.ofSeconds(10);

    private final Path dataDirectory;

    private final int port;

    private final Map<String, String> serverConfig;

    private final boolean temporary;

    private final EmbeddedPostgres first;

    private volatile EmbeddedPostgres current;

    private volatile boolean up = true;

    private volatile boolean closed;

    private volatile ApplicationEventPublisher events;

    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "embedded-postgres-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private Duration retryAfter = WATCH_EVERY;

    private long nextAttempt;

    private SupervisedPostgres(Path dataDirectory, int port, Map<String, String> serverConfig, boolean temporary)
            throws IOException {
        this.dataDirectory = dataDirectory;
        this.serverConfig = serverConfig;
        this.temporary = temporary;
        this.first = start(dataDirectory, port, serverConfig);
        this.current = first;
        this.port = first.getPort();
        watchdog.scheduleWithFixedDelay(this::watch, WATCH_EVERY.toMillis(), WATCH_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Starts a server on {@code dataDirectory} (made by initdb if empty); a blank port ({@code 0}) picks a free one,
     * kept for every restart. A temporary folder is deleted when the server is closed.
     */
    static SupervisedPostgres start(Path dataDirectory, int port, Map<String, String> serverConfig, boolean temporary)
            throws IOException {
        return new SupervisedPostgres(dataDirectory, port, serverConfig, temporary);
    }

    /** A server on a data folder, as the app starts it (also what a test starts on a restored folder). */
    public static EmbeddedPostgres start(Path dataDirectory, int port, Map<String, String> serverConfig)
            throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                .setPort(port)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false);
        serverConfig.forEach(builder::setServerConfig);
        return builder.start();
    }

    /** The server as first started; its port and connection factories stay valid across restarts. */
    public EmbeddedPostgres server() {
        return first;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public int port() {
        return port;
    }

    /** A connection factory as the superuser {@code postgres} (for backups and role set-up). */
    public DataSource superuser(String database) {
        return current.getDatabase("postgres", database);
    }

    /** False from the moment the watchdog finds the server dead until a new one accepts connections. */
    public boolean isUp() {
        return up && !closed;
    }

    /** Readiness goes with the server; set once the context is there to publish it. */
    void publishTo(ApplicationEventPublisher publisher) {
        this.events = publisher;
    }

    private void watch() {
        if (closed) {
            return;
        }
        try {
            if (up) {
                if (postmasterAlive()) {
                    return;
                }
                up = false;
                log.error("Embedded PostgreSQL (data in {}) has died; refusing requests and starting it again", dataDirectory);
                readiness(ReadinessState.REFUSING_TRAFFIC);
                retryAfter = WATCH_EVERY;
                nextAttempt = 0;
            }
            if (System.nanoTime() >= nextAttempt) {
                restart();
            }
        }
        catch (RuntimeException ex) {
            log.warn("Embedded PostgreSQL watchdog: {}", ex.toString());
        }
    }

    private synchronized void restart() {
        if (closed) {
            return;
        }
        try {
            Optional<ProcessHandle> postmaster = postmaster();
            if (postmaster.isPresent()) {
                // not dead after all (a slow start), or still shutting down: look again next time
                up = true;
                readiness(ReadinessState.ACCEPTING_TRAFFIC);
                return;
            }
            // the dead server's lock file: remove it only now that its process is gone, or the new one refuses to start
            Files.deleteIfExists(dataDirectory.resolve("postmaster.pid"));
            closeQuietly(current); // releases zonky's own lock on the folder
            current = start(dataDirectory, port, serverConfig);
            up = true;
            log.warn("Embedded PostgreSQL restarted on {} (port {}) after crash recovery; serving again", dataDirectory,
                    port);
            readiness(ReadinessState.ACCEPTING_TRAFFIC);
        }
        catch (IOException | RuntimeException ex) {
            // e.g. the dead server's children still hold its shared memory for a moment: try again, less often
            log.warn("Embedded PostgreSQL did not start yet ({}); trying again in {} s", ex.getMessage(),
                    retryAfter.toSeconds());
            nextAttempt = System.nanoTime() + retryAfter.toNanos();
            retryAfter = retryAfter.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY
                    : retryAfter.multipliedBy(2);
        }
    }

    private boolean postmasterAlive() {
        return postmaster().isPresent();
    }

    /** The live process named in postmaster.pid: a process that is gone or a zombie is none. */
    private Optional<ProcessHandle> postmaster() {
        return readPid(dataDirectory.resolve("postmaster.pid")).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive).filter(process -> !zombie(process.pid()));
    }

    static Optional<Long> readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        }
        catch (IOException | NumberFormatException ex) {
            return Optional.empty();
        }
    }

    /** A killed process whose parent has not reaped it yet still answers as alive; /proc says it is a zombie. */
    private static boolean zombie(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        try {
            String text = Files.readString(stat);
            int end = text.lastIndexOf(')');
            return end > 0 && end + 2 < text.length() && text.charAt(end + 2) == 'Z';
        }
        catch (IOException ex) {
            return false;
        }
    }

    private void readiness(ReadinessState state) {
        ApplicationEventPublisher publisher = events;
        if (publisher != null) {
            AvailabilityChangeEvent.publish(publisher, this, state);
        }
    }

    private static void closeQuietly(EmbeddedPostgres server) {
        try {
            server.close();
        }
        catch (IOException | RuntimeException ex) {
            log.debug("Closing the dead server's handle: {}", ex.toString());
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        watchdog.shutdownNow();
        current.close();
        if (current != first) {
            closeQuietly(first);
        }
        if (temporary) {
            FileSystemUtils.deleteRecursively(dataDirectory);
        }
    }
}
