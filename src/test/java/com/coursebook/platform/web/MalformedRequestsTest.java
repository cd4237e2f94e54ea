package com.coursebook.platform.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.coursebook.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP, through Tomcat (MockMvc does not pass through it): URLs Tomcat or Spring Security's firewall refuse
 * before any controller — NUL, encoded slashes, invalid UTF-8 or %-escapes, over-long request lines, trailing slashes
 * — are a 4xx with problem details under /api and the app's own page, in words, for screens. Never Tomcat's report.
 */
@IntegrationTest
class MalformedRequestsTest {

    @LocalServerPort
    int port;

    /** Longer than Tomcat takes in a request line (8 KiB by default). */
    static final String LONG = "a".repeat(20_000);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "/api/patients%00", "/api/patients/1%00", "/api/patients%2F1", "/api/patients/%2e%2e/x",
            "/api/patients/%C3%28", "/api/patients/%ZZ", "/api/patients/", "/api/patients/1/", "/api/x;jsessionid=1",
            "/api/patients/{long}", "/api/patients?query={long}", "/api/patients?query=%00", "/api/patients?query=%C3%28", "/patients/{long}",
            "/api/patients//1", "/api/%5C..%5Cetc", "/api/patients/1;x=%00", "/api/nothing-here",
            "/api/patients/abc", "/api/patients/99999999999999999999" })
    @DisplayName("under /api: a 4xx as problem+json ({long}: 20,000 characters; a request line too long to read has "
            + "no path to tell a screen by, and is answered as the API is)")
    void api(String target) throws IOException {
        Answer answer = send("GET " + target + " HTTP/1.1", true);
        assertThat(answer.status()).as(answer.head()).isBetween(400, 499);
        assertThat(answer.head().toLowerCase()).as(answer.head()).contains("content-type: application/problem+json");
        assertThat(answer.body()).contains("\"status\":" + answer.status()).doesNotContain("Apache Tomcat")
                .doesNotContain("<html");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "/patients%00", "/patients%2F1", "/patients/%C3%28", "/patients/%ZZ",
            "/css/nothing-here.css" })
    @DisplayName("screens: a 4xx page in the app's words, not Tomcat's report")
    void screens(String target) throws IOException {
        Answer answer = send("GET " + target + " HTTP/1.1", false);
        assertThat(answer.status()).as(answer.head()).isBetween(400, 499);
        assertThat(answer.head().toLowerCase()).contains("content-type: text/html");
        assertThat(answer.body()).contains("Something went wrong").doesNotContain("Apache Tomcat")
                .doesNotContain("HTTP Status");
    }

    private Answer send(String requestLine, boolean basic) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            String auth = basic ? "Authorization: Basic "
                    + Base64.getEncoder().encodeToString("reception:demo".getBytes(StandardCharsets.UTF_8)) + "\r\n"
                    : cookieOfReception();
            out.write((requestLine.replace("{long}", LONG) + "\r\nHost: localhost\r\n" + auth + "Accept-Language: en\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            String body = split < 0 ? "" : text.substring(split + 4);
            int status = Integer.parseInt(head.substring(9, 12));
            return new Answer(status, head, body);
        }
    }

    /** Screens answer an anonymous visitor too (a redirect to the login page would hide the error): no credentials. */
    private static String cookieOfReception() {
        return "";
    }

    record Answer(int status, String head, String body) {
    }
}
