package com.coursebook.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.coursebook.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, item 14: Flyway migrates as the owner role, and then the owner's connections are closed; the running app
 * holds only connections of the app's role. Read from the server's own list of sessions.
 */
@IntegrationTest
class MigrationConnectionsTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("after start-up no session of coursebook_owner is open; the app's sessions are all coursebook_app")
    void noOwnerConnectionAfterStartUp() throws InterruptedException {
        // Other tests of this shared context open a statement as the owner now and then, each on a connection closed
        // at once; a closed session may linger in the list for a moment, so allow it a few seconds to go.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        List<String> owners = owners();
        while (!owners.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            owners = owners();
        }
        assertThat(owners).as("sessions of " + DatabaseRoles.OWNER).isEmpty();
        assertThat(jdbc.sql("SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = current_database() "
                + "AND backend_type = 'client backend'").query(String.class).list())
                .containsExactly(DatabaseRoles.APP);
    }

    private List<String> owners() {
        return jdbc.sql("SELECT 'pid ' || pid FROM pg_stat_activity "
                + "WHERE usename = ?").param(DatabaseRoles.OWNER).query(String.class).list();
    }
}
