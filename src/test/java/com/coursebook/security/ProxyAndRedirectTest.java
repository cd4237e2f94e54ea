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
 * Behind a TLS proxy (docs/security.md, "Cookies, proxy and redirects"): the real Tomcat on its port takes https and
 * the client's address from a trusted proxy's X-Forwarded-* headers, and no redirect is built from the Host header.
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
    @DisplayName("a request a trusted proxy marks X-Forwarded-Proto: https gets a Secure session cookie; plain http not")
    void secureCookieBehindTls() throws Exception {
        HttpResponse<String> tls = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("X-Forwarded-Proto", "https").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sessionCookie(tls.headers().allValues("Set-Cookie"))).containsIgnoringCase("; Secure")
                .containsIgnoringCase("HttpOnly");
        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sessionCookie(plain.headers().allValues("Set-Cookie"))).doesNotContainIgnoringCase("Secure");
    }

    @Test
    @DisplayName("the client's address a trusted proxy forwards is the address sign-in failures are counted against")
    void forwardedClientAddress() throws Exception {
        String client = "203.0.113." + (1 + (int) (System.nanoTime() % 200));
        String name = "forwarded-" + System.nanoTime();
        http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/catalog/programs"))
                .header("X-Forwarded-For", client)
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((name + ":wrong").getBytes()))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(jdbc.sql("SELECT address FROM sign_in_throttle WHERE account = ? AND address <> ''").param(name)
                .query(String.class).list()).containsExactly(client);
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

    private static String sessionCookie(List<String> cookies) {
        return cookies.stream().filter(cookie -> cookie.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + cookies));
    }
}
