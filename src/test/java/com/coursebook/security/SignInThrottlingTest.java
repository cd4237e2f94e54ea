package com.coursebook.security;

import com.coursebook.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sign-in throttling through the whole application (docs/security.md, "Sign-in throttling"): counts in PostgreSQL,
 * the account lock after 10 failures for the form and HTTP Basic, the admin's unlock, the known address that gets
 * through, and an address that keeps failing made to wait.
 */
@IntegrationTest
@RecordApplicationEvents
class SignInThrottlingTest {

    static final String PASSWORD = "right-horse-battery";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    UserDetailsService users;

    @Autowired
    ApplicationEvents events;

    @Test
    @DisplayName("form: 10 wrong passwords, then the right one is refused as locked; after the admin unlocks, accepted")
    void formLock() throws Exception {
        String name = TestUsers.receptionist(jdbc, encoder, PASSWORD);
        mvc.perform(form(name, PASSWORD, TestUsers.address())).andExpect(redirectedUrl("/")); // it works to begin with
        for (int i = 0; i < 10; i++) { // one guess from each of ten addresses: no address waits, the account locks
            mvc.perform(form(name, "wrong-" + i, TestUsers.address())).andExpect(redirectedUrl("/login?error"));
        }
        assertThat(failures(name, "")).isEqualTo(10);
        String address = TestUsers.address();
        String refused = mvc.perform(form(name, PASSWORD, address)).andReturn().getResponse().getRedirectedUrl();
        assertThat(refused).matches("/login\\?locked=\\d+");
        // The login page says so, in words, with the wait.
        mvc.perform(get(refused)).andExpect(content().string(containsString("This account is locked")))
                .andExpect(content().string(containsString("Try again in 15 minutes")));

        mvc.perform(delete("/api/admin/sign-in-locks").param("account", name)
                        .with(httpBasic("admin", "demo")).with(TestUsers.from(TestUsers.address())))
                .andExpect(status().isNoContent());
        mvc.perform(form(name, PASSWORD, address)).andExpect(redirectedUrl("/"));
    }

    @Test
    @DisplayName("HTTP Basic: 10 wrong passwords, then the right one is 429 with Retry-After; unlocked on the admin's "
            + "screen, accepted")
    void basicLock() throws Exception {
        String name = TestUsers.receptionist(jdbc, encoder, PASSWORD);
        String address = TestUsers.address();
        for (int i = 0; i < 10; i++) {
            mvc.perform(get("/api/catalog/programs").with(httpBasic(name, "wrong-" + i))
                    .with(TestUsers.from(TestUsers.address()))).andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/catalog/programs").with(httpBasic(name, PASSWORD)).with(TestUsers.from(address)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", matchesPattern("\\d+")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("locked")));
        long retryAfter = Long.parseLong(mvc.perform(get("/api/catalog/programs").with(httpBasic(name, PASSWORD))
                .with(TestUsers.from(address))).andReturn().getResponse().getHeader("Retry-After"));
        assertThat(retryAfter).isBetween(60L, 15 * 60L);
        // Spring Security's events go on (the audit trail listens): wrong passwords, and the refusals as locked.
        assertThat(events.stream(AuthenticationFailureBadCredentialsEvent.class)
                .filter(e -> e.getAuthentication().getName().equals(name))).isNotEmpty();
        assertThat(events.stream(AuthenticationFailureLockedEvent.class)
                .filter(e -> e.getAuthentication().getName().equals(name))).hasSizeGreaterThanOrEqualTo(2);

        // The admin sees the lock on the sign-in page and unlocks it there.
        var admin = user(users.loadUserByUsername("admin"));
        mvc.perform(get("/admin/sign-in").with(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString(name)));
        mvc.perform(post("/admin/sign-in/unlock").param("account", name).with(admin).with(csrf()))
                .andExpect(redirectedUrl("/admin/sign-in"));
        mvc.perform(get("/api/catalog/programs").with(httpBasic(name, PASSWORD)).with(TestUsers.from(address)))
                .andExpect(status().isOk());
    }

    @Test
    @DisplayName("while an account is locked, its user still gets in from an address they signed in from before, "
            + "not from a new one")
    void knownAddressGetsThrough() throws Exception {
        String name = TestUsers.receptionist(jdbc, encoder, PASSWORD);
        String home = TestUsers.address();
        mvc.perform(get("/api/catalog/programs").with(httpBasic(name, PASSWORD)).with(TestUsers.from(home)))
                .andExpect(status().isOk());
        // A guesser spread over ten addresses, one guess each: no address waits, but the account locks.
        for (int i = 0; i < 10; i++) {
            mvc.perform(get("/api/catalog/programs").with(httpBasic(name, "guess-" + i))
                    .with(TestUsers.from(TestUsers.address()))).andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/catalog/programs").with(httpBasic(name, PASSWORD))
                .with(TestUsers.from(TestUsers.address()))).andExpect(status().isTooManyRequests());
        mvc.perform(get("/api/catalog/programs").with(httpBasic(name, PASSWORD)).with(TestUsers.from(home)))
                .andExpect(status().isOk());
        assertThat(signedInAs(name, home)).isTrue();
    }

    @Test
    @DisplayName("one address failing over many names (existing or not) is made to wait, for every name; another "
            + "address is not; the counts are rows in PostgreSQL")
    void perAddress() throws Exception {
        String name = TestUsers.receptionist(jdbc, encoder, PASSWORD);
        String sprayer = TestUsers.address();
        for (int i = 0; i < 25; i++) {
            mvc.perform(get("/api/catalog/programs").with(httpBasic("nobody-" + sprayer + "-" + i, "Password1"))
                    .with(TestUsers.from(sprayer)));
        }
        // 20 failures, then the address waits 1, 2, 4 ... seconds; attempts refused meanwhile are not counted.
        assertThat(failures("", sprayer)).isBetween(20, 24);
        assertThat(failures("nobody-" + sprayer + "-0", "")).as("an unknown name is counted too").isEqualTo(1);
        mvc.perform(get("/api/catalog/programs").with(httpBasic(name, PASSWORD)).with(TestUsers.from(sprayer)))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.detail", containsString("from this address")));
        mvc.perform(form(name, PASSWORD, sprayer)).andExpect(header().string("Location", startsWith("/login?wait=")));
        mvc.perform(get("/api/catalog/programs").with(httpBasic(name, PASSWORD))
                .with(TestUsers.from(TestUsers.address()))).andExpect(status().isOk());
    }

    @Test
    @DisplayName("one address guessing one account is made to wait after 3 failures, before the account locks")
    void perPair() throws Exception {
        String name = TestUsers.receptionist(jdbc, encoder, PASSWORD);
        String address = TestUsers.address();
        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/api/catalog/programs").with(httpBasic(name, "wrong-" + i)).with(TestUsers.from(address)))
                    .andExpect(status().isUnauthorized());
        }
        // After 3 failures the pair waits 1, 2, 4 ... seconds. As if three more had failed after their waits (the
        // pair now waits 8 seconds), so that a slow machine does not outlast the first, 1-second wait.
        jdbc.sql("UPDATE sign_in_throttle SET failures = 6, last_failure_at = now() WHERE account = ? AND address = ?")
                .params(name, address).update();
        mvc.perform(get("/api/catalog/programs").with(httpBasic(name, PASSWORD)).with(TestUsers.from(address)))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.detail", containsString("from this address")));
        mvc.perform(get("/api/catalog/programs").with(httpBasic(name, PASSWORD))
                .with(TestUsers.from(TestUsers.address()))).andExpect(status().isOk());
        assertThat(failures(name, "")).as("the account's own count: 3, no lock").isEqualTo(3);
    }

    @Test
    @DisplayName("attempts refused before their password was checked are no failures: 3 wrong passwords and 9 refused "
            + "retries do not lock the account, and the user still signs in from elsewhere")
    void refusedAreNoFailures() throws Exception {
        String name = TestUsers.receptionist(jdbc, encoder, PASSWORD);
        String address = TestUsers.address();
        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/api/catalog/programs").with(httpBasic(name, "wrong-" + i)).with(TestUsers.from(address)))
                    .andExpect(status().isUnauthorized());
        }
        for (int i = 0; i < 9; i++) {
            mvc.perform(get("/api/catalog/programs").with(httpBasic(name, i % 2 == 0 ? PASSWORD : "retry-" + i))
                    .with(TestUsers.from(address))).andExpect(status().isTooManyRequests());
        }
        assertThat(failures(name, "")).isEqualTo(3);
        mvc.perform(get("/api/catalog/programs").with(httpBasic(name, PASSWORD))
                .with(TestUsers.from(TestUsers.address()))).andExpect(status().isOk());
    }

    @Test
    @DisplayName("a lock never keeps its user out at an address they signed in from, even after a (forged) failure "
            + "there; an admin neither; the admin sees the lock with its cause")
    void knownAddressAfterAFailure() throws Exception {
        String name = TestUsers.receptionist(jdbc, encoder, PASSWORD);
        String home = TestUsers.address();
        mvc.perform(get("/api/catalog/programs").with(httpBasic(name, PASSWORD)).with(TestUsers.from(home)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/catalog/programs").with(httpBasic(name, "typo")).with(TestUsers.from(home)))
                .andExpect(status().isUnauthorized());
        String last = lockFromElsewhere(name, 9); // with the typo at home, 10: locked
        mvc.perform(get("/api/catalog/programs").with(httpBasic(name, PASSWORD))
                .with(TestUsers.from(TestUsers.address()))).andExpect(status().isTooManyRequests());
        mvc.perform(get("/api/catalog/programs").with(httpBasic(name, PASSWORD)).with(TestUsers.from(home)))
                .andExpect(status().isOk());

        String admin = TestUsers.admin(jdbc, encoder, PASSWORD);
        String desk = TestUsers.address();
        mvc.perform(get("/api/admin/sign-in-locks").with(httpBasic(admin, PASSWORD)).with(TestUsers.from(desk)))
                .andExpect(status().isOk());
        String lastGuess = lockFromElsewhere(admin, 10);
        // Locked, but not at the admin's desk; the API names the lock's cause.
        mvc.perform(get("/api/admin/sign-in-locks").with(httpBasic(admin, PASSWORD)).with(TestUsers.from(desk)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.account == '" + admin + "')].addresses").value(hasItem(10)))
                .andExpect(jsonPath("$[?(@.account == '" + admin + "')].latest").value(hasItem(lastGuess)));
        // The admin's page: the lock, and why: how many wrong passwords from how many addresses, the last one.
        mvc.perform(get("/admin/sign-in").with(user(users.loadUserByUsername(admin))))
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(containsString("10 wrong passwords")))
                .andExpect(content().string(containsString(last)));
    }

    /** One wrong password from each of {@code count} new addresses; the last address. */
    private String lockFromElsewhere(String name, int count) throws Exception {
        String address = null;
        for (int i = 0; i < count; i++) {
            address = TestUsers.address();
            mvc.perform(get("/api/catalog/programs").with(httpBasic(name, "guess-" + i)).with(TestUsers.from(address)))
                    .andExpect(status().isUnauthorized());
        }
        return address;
    }

    private org.springframework.test.web.servlet.RequestBuilder form(String name, String password, String address) {
        return post("/login").param("username", name).param("password", password).with(csrf())
                .with(TestUsers.from(address));
    }

    private int failures(String account, String address) {
        return jdbc.sql("SELECT failures FROM sign_in_throttle WHERE account = ? AND address = ?")
                .params(account, address).query(Integer.class).optional().orElse(0);
    }

    private boolean signedInAs(String name, String address) {
        return jdbc.sql("SELECT count(*) FROM sign_in_known_address WHERE account = ? AND address = ?")
                .params(name, address).query(Long.class).single() > 0;
    }
}
