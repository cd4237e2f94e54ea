package com.coursebook.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dataDirectory     where the embedded server keeps its data; blank means a throw-away folder (tests)
 * @param port              TCP port on loopback; 0 picks a free one (kept across restarts of the server)
 * @param database          database created inside the server
 * @param connectionTimeout how long a request waits for a connection before it is answered 503
 */
@ConfigurationProperties("coursebook.embedded-postgres")
public record EmbeddedDatabaseProperties(String dataDirectory, Integer port, String database,
        Duration connectionTimeout) {

    public EmbeddedDatabaseProperties {
        port = port == null ? 0 : port;
        database = database == null || database.isBlank() ? "coursebook" : database;
        connectionTimeout = connectionTimeout == null ? Duration.ofSeconds(3) : connectionTimeout;
    }

    boolean persistent() {
        return dataDirectory != null && !dataDirectory.isBlank();
    }
}
