package com.coursebook.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Behind a proxy named in the configuration ({@code coursebook.trusted-proxies}, here the loopback address the test
 * connects from): its X-Forwarded-For and X-Forwarded-Proto are believed, the rightmost address it did not add
 * being the client. Its own context and database, since the shared context trusts no proxy (the default;
 * ProxyAndRedirectTest#forgedForwardedHeadersIgnored). The sign-in bursts are here too: over real HTTP they need
 * client addresses of their own, which only a trusted proxy's header can give.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "coursebook.trusted-proxies=127.0.0.1, ::1")
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TrustedProxyTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    ConfigurableApplicationContext context;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    @DisplayName("a request the trusted proxy marks X-Forwarded-Proto: https gets a Secure session cookie; plain http not")
    void secureCookieBehindTls() throws Exception {
        HttpResponse<String> tls = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("X-Forwarded-Proto", "https").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ProxyAndRedirectTest.sessionCookie(tls.headers().allValues("Set-Cookie")))
                .containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly");
        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ProxyAndRedirectTest.sessionCookie(plain.headers().allValues("Set-Cookie")))
                .doesNotContainIgnoringCase("Secure");
    }

    @Test
    @DisplayName("the client's address the trusted proxy forwards is the one failures count against; what the client "
            + "itself put before it in X-Forwarded-For is not")
    void forwardedClientAddress() throws Exception {
        String client = "203.0.113." + (1 + (int) (System.nanoTime() % 200));
        String name = "forwarded-" + System.nanoTime();
        http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/catalog/programs"))
                .header("X-Forwarded-For", "192.0.2.77, " + client) // the client's own claim, then the proxy's
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((name + ":wrong").getBytes()))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(jdbc.sql("SELECT address FROM sign_in_throttle WHERE account = ? AND address <> ''").param(name)
                .query(String.class).list()).containsExactly(client);
    }

    @Test
    @DisplayName("100 wrong passwords at once for one login from one address: at most 3 checked (plus one per "
            + "backoff step that passed while the burst lasted), never more than the account's 10")
    void burstFromOneAddress() {
        String name = TestUsers.receptionist(jdbc, encoder, "right-horse-battery");
        SignInBurst.Outcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(120),
                () -> SignInBurst.run(context, port, name, 100, i -> "198.18.1.1"));
        System.out.printf("Burst from one address: %s, %d checked, in %d ms%n", outcome.statuses(), outcome.checked(),
                outcome.took().toMillis());
        assertThat(outcome.statuses().keySet()).containsAnyOf(401).isSubsetOf(401, 429);
        assertThat(outcome.checked()).isPositive().isLessThanOrEqualTo(SignInBurst.pairAllowance(outcome.took()))
                .isLessThanOrEqualTo(10);
    }

    @Test
    @DisplayName("20 requests at once with the right password (a client's parallel calls): every one answered, none "
            + "turned away because the others were still being checked")
    void parallelRightPasswords() {
        String name = TestUsers.receptionist(jdbc, encoder, "right-horse-battery");
        SignInBurst.Outcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(120),
                () -> SignInBurst.run(context, port, name, 20, i -> "198.18.1.2", i -> "right-horse-battery"));
        System.out.printf("Parallel right passwords: %s in %d ms%n", outcome.statuses(), outcome.took().toMillis());
        assertThat(outcome.statuses()).isEqualTo(java.util.Map.of(200, 20));
    }

    @Test
    @DisplayName("100 wrong passwords at once for one login from 100 addresses: at most the account's 10 checked")
    void burstFromManyAddresses() {
        String name = TestUsers.receptionist(jdbc, encoder, "right-horse-battery");
        SignInBurst.Outcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(120),
                () -> SignInBurst.run(context, port, name, 100, i -> "198.18.0." + (i + 1)));
        System.out.printf("Burst from 100 addresses: %s, %d checked, in %d ms%n", outcome.statuses(),
                outcome.checked(), outcome.took().toMillis());
        assertThat(outcome.statuses().keySet()).containsAnyOf(401).isSubsetOf(401, 429);
        assertThat(outcome.checked()).isPositive().isLessThanOrEqualTo(10);
    }
}
