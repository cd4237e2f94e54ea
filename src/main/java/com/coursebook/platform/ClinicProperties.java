package com.coursebook.platform;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param timeZone the clinic's time zone (IANA id); blank means {@link #DEFAULT_ZONE}, never the server's zone, so
 *                 moving the app to another server (or a container in UTC) changes no date or time anyone sees
 */
@ConfigurationProperties("coursebook.clinic")
public record ClinicProperties(String timeZone) {

    /** The clinic's zone when none is configured (docs/operations.md). */
    public static final String DEFAULT_ZONE = "Europe/Moscow";

    public ZoneId zone() {
        return ZoneId.of(timeZone == null || timeZone.isBlank() ? DEFAULT_ZONE : timeZone.strip());
    }
}
