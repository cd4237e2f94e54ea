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
        String address = TestUsers.address();
        mvc.perform(form(name, PASSWORD, address)).andExpect(redirectedUrl("/")); // the password works to begin with
        for (int i = 0; i < 10; i++) {
            mvc.perform(form(name, "wrong-" + i, address)).andExpect(status().is3xxRedirection());
        }
        assertThat(failures(name, "")).isEqualTo(10);
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
            int status = mvc.perform(get("/api/catalog/programs").with(httpBasic(name, "wrong-" + i))
                    .with(TestUsers.from(address))).andReturn().getResponse().getStatus();
            assertThat(status).isIn(401, 429);
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
        assertThat(failures("", sprayer)).isEqualTo(25);
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
        for (int i = 0; i < 8; i++) {
            mvc.perform(get("/api/catalog/programs").with(httpBasic(name, "wrong-" + i)).with(TestUsers.from(address)));
        }
        // 8 failures: the pair waits 32 seconds from the last; the refused attempt counts (9), still no account lock.
        mvc.perform(get("/api/catalog/programs").with(httpBasic(name, PASSWORD)).with(TestUsers.from(address)))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.detail", containsString("from this address")));
        mvc.perform(get("/api/catalog/programs").with(httpBasic(name, PASSWORD))
                .with(TestUsers.from(TestUsers.address()))).andExpect(status().isOk());
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
