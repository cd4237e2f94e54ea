package com.coursebook.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.coursebook.platform.backup.BackupArchive;
import com.coursebook.platform.backup.BackupProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Runs a real PostgreSQL inside the application when no external database is configured, so that
 * {@code ./mvnw spring-boot:run} and the tests need nothing but a JDK.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnEmbeddedDatabase
@EnableConfigurationProperties({ EmbeddedDatabaseProperties.class, BackupProperties.class })
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /**
     * The server, supervised ({@link SupervisedPostgres}): restarted on the same folder and port if it dies. A data
     * folder that does not exist yet may first be filled from a backup ({@code coursebook.backup.restore-from}).
     */
    @Bean(destroyMethod = "close")
    SupervisedPostgres supervisedPostgres(EmbeddedDatabaseProperties properties, BackupProperties backups,
            ApplicationEventPublisher events) throws IOException {
        Map<String, String> config = new LinkedHashMap<>();
        Path dataDirectory;
        if (properties.persistent()) {
            dataDirectory = Path.of(properties.dataDirectory()).toAbsolutePath();
            if (backups.restoreFrom() != null) {
                BackupArchive.restore(Path.of(backups.restoreFrom()).toAbsolutePath(), dataDirectory);
            }
            Files.createDirectories(dataDirectory);
            stopOrphanedServer(dataDirectory);
            // zonky switches durability off by default; patient data must survive a power cut.
            config.put("fsync", "on");
            config.put("synchronous_commit", "on");
            config.put("full_page_writes", "on");
            log.info("Embedded PostgreSQL with data in {}", dataDirectory);
        }
        else {
            // a throw-away folder of our own: zonky's own one goes with the first server, and a restart needs it
            dataDirectory = Files.createTempDirectory("coursebook-pg-");
        }
        SupervisedPostgres server = SupervisedPostgres.start(dataDirectory, properties.port(), config,
                !properties.persistent());
        server.publishTo(events);
        return server;
    }

    /** The server as first started: its port, and so every connection made through it, survives restarts. */
    @Bean(destroyMethod = "")
    EmbeddedPostgres embeddedPostgres(SupervisedPostgres supervised) {
        return supervised.server();
    }

    /**
     * The app's connections: the role {@value DatabaseRoles#APP} owns nothing and holds only the grants V16 gives it,
     * so a statement smuggled into a query cannot switch off triggers, run programs or rewrite the audit trail.
     */
    @Bean(destroyMethod = "close")
    @Primary
    HikariDataSource dataSource(EmbeddedPostgres postgres, EmbeddedDatabaseProperties properties) throws SQLException {
        prepareRoles(postgres, properties.database());
        return pool(postgres, properties, DatabaseRoles.APP, 20, "coursebook-embedded");
    }

    /** Connections to a server that died are dropped at once, not lent out to fail one request each. */
    @Bean
    ApplicationListener<SupervisedPostgres.ConnectionsGone> dropDeadConnections(DataSource dataSource) {
        return event -> {
            try {
                HikariDataSource pool = dataSource.unwrap(HikariDataSource.class); // it may be wrapped (tests count queries)
                if (pool.getHikariPoolMXBean() != null) {
                    pool.getHikariPoolMXBean().softEvictConnections();
                }
            }
            catch (SQLException ex) {
                log.warn("Could not drop the connections to the dead server: {}", ex.toString());
            }
        };
    }

    /**
     * Flyway migrates as the owner of the schema; the app never connects as it. Not a pool: each connection Flyway
     * opens is a real one, and closing it (Flyway does, once migrated) ends the owner's session, so the running app
     * holds none (as Boot's own Flyway data source in external mode, a {@code SimpleDriverDataSource}). Handed to
     * Flyway alone rather than declared as a bean: a data source bean is also probed by the health check, which
     * would open an owner connection at every probe, and one without the pool's timeouts.
     */
    @Bean
    FlywayConfigurationCustomizer migrateAsOwner(EmbeddedPostgres postgres, EmbeddedDatabaseProperties properties)
            throws SQLException {
        prepareRoles(postgres, properties.database());
        DataSource owner = postgres.getDatabase(DatabaseRoles.OWNER, properties.database());
        // the driver's login timeout bounds connecting and signing in alike
        owner.setLoginTimeout((int) Math.max(1, properties.connectionTimeout().toSeconds()));
        return configuration -> configuration.dataSource(owner);
    }

    private static HikariDataSource pool(EmbeddedPostgres postgres, EmbeddedDatabaseProperties properties, String role,
            int size, String name) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl(role, properties.database()));
        dataSource.setUsername(role);
        dataSource.setMaximumPoolSize(size);
        dataSource.setMinimumIdle(Math.min(size, 2));
        dataSource.setPoolName(name);
        // A dead server answers at once with "connection refused"; waiting the default 30 s for it helps nobody.
        dataSource.setConnectionTimeout(properties.connectionTimeout().toMillis());
        // And a new connection to a port that accepts but never answers (a server still starting, or anything else
        // bound there meanwhile) gives up as quickly, rather than holding a pool thread and its request for good.
        String seconds = String.valueOf(Math.max(1, properties.connectionTimeout().toSeconds()));
        dataSource.addDataSourceProperty("connectTimeout", seconds);
        dataSource.addDataSourceProperty("loginTimeout", seconds);
        return dataSource;
    }

    /**
     * As the embedded server's superuser {@code postgres} (used for nothing else): the two roles, the database owned
     * by the owner role, and - for a data folder made before V16, whose tables {@code postgres} owns - the schema's
     * objects handed to the owner role. Idempotent; runs before Flyway and the app connect.
     */
    private static synchronized void prepareRoles(EmbeddedPostgres postgres, String database) throws SQLException {
        createDatabaseIfMissing(postgres.getPostgresDatabase(), database);
        try (Connection connection = postgres.getDatabase("postgres", database).getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(DatabaseRoles.HAND_OVER_TO_OWNER);
        }
    }

    private static void createDatabaseIfMissing(DataSource admin, String database) throws SQLException {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Illegal database name: " + database);
        }
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(DatabaseRoles.CREATE_ROLES);
            try (ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (rs.next()) {
                    statement.execute("ALTER DATABASE " + database + " OWNER TO " + DatabaseRoles.OWNER);
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + database + " OWNER " + DatabaseRoles.OWNER);
        }
    }

    /**
     * After a hard kill the postmaster may outlive the JVM and keep its lock file, and the next start fails
     * with "lock file already exists". Stop that orphan if it really is a postgres process, then go on.
     */
    static void stopOrphanedServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> process = lines.isEmpty() ? Optional.empty()
                : parsePid(lines.get(0)).flatMap(ProcessHandle::of);
        if (process.isPresent() && process.get().isAlive() && isPostgres(process.get())) {
            log.warn("Stopping orphaned embedded PostgreSQL (pid {}) left by a previous run", process.get().pid());
            process.get().destroy(); // SIGTERM: a smart shutdown that keeps the data consistent
            try {
                process.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
            catch (Exception ex) {
                throw new IOException("Orphaned PostgreSQL did not stop; stop pid " + process.get().pid() + " by hand", ex);
            }
        }
        Files.deleteIfExists(pidFile);
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        }
        catch (NumberFormatException ex) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            if (Files.isReadable(cmdline)) {
                return new String(Files.readAllBytes(cmdline)).contains("postgres");
            }
        }
        catch (IOException ex) {
            return false;
        }
        return process.info().command().map(command -> command.contains("postgres")).orElse(false);
    }
}
