package com.coursebook.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.coursebook.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Forwarded headers and redirects (docs/security.md, "Cookies, proxy and redirects"), through the real Tomcat on its
 * port: with no trusted proxy configured X-Forwarded-* are ignored, and no redirect is built from the Host header.
 * A configured proxy's headers are believed: TrustedProxyTest.
 */
@IntegrationTest
class ProxyAndRedirectTest {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    @DisplayName("with no proxy configured (the default), X-Forwarded-For and X-Forwarded-Proto from loopback are "
            + "ignored: failures count against the real address, and plain http gets no Secure cookie")
    void forgedForwardedHeadersIgnored() throws Exception {
        String forged = "203.0.113." + (1 + (int) (System.nanoTime() % 200));
        String name = "forged-" + System.nanoTime();
        try {
            http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/catalog/programs"))
                    .header("X-Forwarded-For", forged)
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                            .encodeToString((name + ":wrong").getBytes()))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(jdbc.sql("SELECT address FROM sign_in_throttle WHERE account = ? AND address <> ''").param(name)
                    .query(String.class).list()).containsExactly("127.0.0.1");
            HttpResponse<String> claimedTls = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/login"))
                    .header("X-Forwarded-Proto", "https").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(sessionCookie(claimedTls.headers().allValues("Set-Cookie"))).doesNotContainIgnoringCase("Secure");
        }
        finally {
            jdbc.sql("DELETE FROM sign_in_throttle WHERE address = '127.0.0.1' OR account = ?").param(name).update();
        }
    }

    @Test
    @DisplayName("redirects are paths, not built from the Host header: Tomcat's own and the login's after a saved request")
    void forgedHostDoesNotSteerRedirects() throws Exception {
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/patients")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValue("/login");

        // A page asked for through a forged Host is remembered with that host; signing in goes to the path alone.
        MvcResult asked = mvc.perform(get("/patients").header("Host", "evil.example"))
                .andExpect(status().is3xxRedirection()).andReturn();
        MockHttpSession session = (MockHttpSession) asked.getRequest().getSession(false);
        String target = mvc.perform(post("/login").session(session).header("Host", "evil.example")
                        .param("username", "reception").param("password", "demo").with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(target).startsWith("/patients").doesNotContain("evil");
        String out = mvc.perform(post("/logout").session(session).header("Host", "evil.example").with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(out).isEqualTo("/login?logout");
    }

    static String sessionCookie(List<String> cookies) {
        return cookies.stream().filter(cookie -> cookie.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + cookies));
    }
}
