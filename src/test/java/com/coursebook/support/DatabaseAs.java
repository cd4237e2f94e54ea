package com.coursebook.support;

import com.coursebook.platform.DatabaseRoles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Connections to the test's embedded database as a role other than the app's: the owner (as Flyway migrates) for
 * set-ups the app's role may not do, or the superuser for what no role of the app may do. Each statement on its own
 * connection, in autocommit.
 */
public final class DatabaseAs {

    private DatabaseAs() {
    }

    public static JdbcClient owner(EmbeddedPostgres postgres) {
        return JdbcClient.create(postgres.getDatabase(DatabaseRoles.OWNER, "coursebook"));
    }

    public static JdbcClient app(EmbeddedPostgres postgres) {
        return JdbcClient.create(postgres.getDatabase(DatabaseRoles.APP, "coursebook"));
    }

    public static JdbcClient superuser(EmbeddedPostgres postgres) {
        return JdbcClient.create(postgres.getDatabase("postgres", "coursebook"));
    }
}
