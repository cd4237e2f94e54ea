package com.coursebook.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where people open CourseBook, for redirects that must not be built from a request's Host header.
 *
 * @param publicUrl {@code coursebook.public-url}, e.g. {@code https://coursebook.example.org}; blank: redirects stay
 *                  relative paths. Anything but an http(s) address stops the start ({@code PublicUrlRedirects})
 */
@ConfigurationProperties("coursebook")
record PublicUrlSettings(String publicUrl) {

    PublicUrlSettings {
        publicUrl = publicUrl == null ? "" : publicUrl;
    }
}
