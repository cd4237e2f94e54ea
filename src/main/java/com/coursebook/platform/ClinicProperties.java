package com.coursebook.platform;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param timeZone the clinic's time zone (IANA id); blank means the server's zone
 */
@ConfigurationProperties("coursebook.clinic")
public record ClinicProperties(String timeZone) {

    public ZoneId zone() {
        return timeZone == null || timeZone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(timeZone);
    }
}
