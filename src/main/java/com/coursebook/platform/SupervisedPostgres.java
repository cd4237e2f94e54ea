package com.coursebook.platform;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEvent;
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

    /** The restarted server's own log, in its data folder (the first one logs through zonky into the app's log). */
    static final String LOG = "postmaster.log";

    private final Path dataDirectory;

    private final int port;

    private final boolean temporary;

    private final EmbeddedPostgres first;

    /** pg_ctl next to the postgres binary, and the options the first server was started with (postmaster.opts). */
    private final Path pgCtl;

    private final List<String> options;

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
        this.temporary = temporary;
        this.first = start(dataDirectory, port, serverConfig);
        this.port = first.getPort();
        List<String> started = startedWith(dataDirectory.resolve("postmaster.opts"));
        this.pgCtl = Path.of(started.get(0)).resolveSibling("pg_ctl");
        this.options = started.subList(1, started.size());
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
        return first.getDatabase("postgres", database);
    }

    /** False from the moment the watchdog finds the server dead until a new one accepts connections. */
    public boolean isUp() {
        return up && !closed;
    }

    /**
     * The connections made to the dead server are gone: the pool must drop them (each one it lent out would fail
     * its request, a sign-in's among them) rather than find that out one request at a time.
     */
    private void connectionsGone() {
        ApplicationEventPublisher publisher = events;
        if (publisher != null) {
            publisher.publishEvent(new ConnectionsGone(this));
        }
    }

    /** The server died or was started again: connections made before are dead. */
    public static final class ConnectionsGone extends ApplicationEvent {

        ConnectionsGone(SupervisedPostgres source) {
            super(source);
        }
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
                connectionsGone();
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

    /**
     * Starts the server again with pg_ctl, exactly as it was started (postmaster.opts), and waits until it accepts
     * connections. zonky itself cannot start a second server on a folder in the same JVM (it keeps its own lock).
     */
    private synchronized void restart() {
        if (closed) {
            return;
        }
        try {
            if (postmaster().isPresent()) {
                // not dead after all (a slow start), or still shutting down: look again next time
                up = true;
                readiness(ReadinessState.ACCEPTING_TRAFFIC);
                return;
            }
            removeStaleLocks();
            List<String> command = new ArrayList<>();
            if ("root".equals(System.getProperty("user.name"))) {
                command.addAll(List.of("unshare", "-U")); // PostgreSQL refuses to run as root; zonky does the same
            }
            command.addAll(List.of(pgCtl.toString(), "-D", dataDirectory.toString(), "-o", shellQuoted(options), "-w",
                    "-t", "60", "-l", dataDirectory.resolve(LOG).toString(), "start"));
            Process pgCtlStart = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(pgCtlStart.getInputStream().readAllBytes()).strip();
            if (pgCtlStart.waitFor() != 0) {
                throw new IOException(output + " (see " + dataDirectory.resolve(LOG) + ")");
            }
            up = true;
            retryAfter = WATCH_EVERY;
            log.warn("Embedded PostgreSQL restarted on {} (port {}) after crash recovery; serving again", dataDirectory,
                    port);
            connectionsGone();
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
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The dead server's lock files, in the data folder and next to its socket, both naming its pid. Removed only
     * now that the process is gone: a killed postmaster nobody reaps stays a zombie, which PostgreSQL takes for a
     * running server and would refuse to start beside.
     */
    private void removeStaleLocks() throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
        // postmaster.pid: pid, data folder, start time, port, socket folder, ...
        if (lines.size() >= 5 && !lines.get(4).isBlank()) {
            Path socketLock = Path.of(lines.get(4).trim(), ".s.PGSQL." + port + ".lock");
            Optional<Long> holder = readPid(socketLock);
            if (holder.isPresent() && !alive(holder.get())) {
                Files.deleteIfExists(socketLock);
            }
        }
        Files.deleteIfExists(pidFile);
    }

    /** postmaster.opts: the binary and each argument in double quotes; the data folder is given to pg_ctl anew. */
    static List<String> startedWith(Path optsFile) throws IOException {
        List<String> words = new ArrayList<>();
        Matcher quoted = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(Files.readString(optsFile));
        String text = Files.readString(optsFile).strip();
        int firstQuote = text.indexOf(" \"");
        words.add(firstQuote < 0 ? text : text.substring(0, firstQuote));
        List<String> arguments = new ArrayList<>();
        while (quoted.find()) {
            arguments.add(quoted.group(1));
        }
        for (int i = 0; i < arguments.size(); i++) {
            if (arguments.get(i).equals("-D")) {
                i++;
                continue;
            }
            words.add(arguments.get(i));
        }
        return words;
    }

    private static String shellQuoted(List<String> words) {
        return String.join(" ", words.stream().map(word -> "'" + word.replace("'", "'\\''") + "'").toList());
    }

    private boolean postmasterAlive() {
        return postmaster().isPresent();
    }

    /** The live process named in postmaster.pid: a process that is gone or a zombie is none. */
    private Optional<ProcessHandle> postmaster() {
        return readPid(dataDirectory.resolve("postmaster.pid")).filter(SupervisedPostgres::alive)
                .flatMap(ProcessHandle::of);
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent() && !zombie(pid);
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

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        watchdog.shutdownNow();
        first.close(); // pg_ctl stop on the folder: stops whichever server runs there now
        if (temporary) {
            FileSystemUtils.deleteRecursively(dataDirectory);
        }
    }
}
