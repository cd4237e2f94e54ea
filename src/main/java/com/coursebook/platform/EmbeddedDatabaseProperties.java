package com.coursebook.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dataDirectory where the embedded server keeps its data; blank means a throw-away folder (tests)
 * @param port          TCP port on loopback; 0 picks a free one
 * @param database      database created inside the server
 */
@ConfigurationProperties("coursebook.embedded-postgres")
public record EmbeddedDatabaseProperties(String dataDirectory, Integer port, String database) {

    public EmbeddedDatabaseProperties {
        port = port == null ? 0 : port;
        database = database == null || database.isBlank() ? "coursebook" : database;
    }

    boolean persistent() {
        return dataDirectory != null && !dataDirectory.isBlank();
    }
}
