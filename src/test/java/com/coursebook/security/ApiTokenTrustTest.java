package com.coursebook.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.coursebook.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 17, items 3–6: nobody acts as someone else through an API token. Only its owner makes a token, from a signed-in
 * browser session with the password asked again; tokens sign in through Spring Security's own authentication (events,
 * audit, throttle); a password change ends the person's other sessions; a disabled login's tokens stay revoked.
 */
@IntegrationTest
@RecordApplicationEvents
class ApiTokenTrustTest {

    static final String PASSWORD = "token-trust-password";

    static final String NEW_PASSWORD = "seven green lanterns tonight";

    static final int RACERS = 20;

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

    @LocalServerPort
    int port;

    @Test
    @DisplayName("an admin cannot make a token for someone else: nothing is stored and the admin page offers no such form")
    void adminCannotMintForOthers() throws Exception {
        String owner = TestUsers.receptionist(jdbc, encoder, PASSWORD);
        var admin = user(users.loadUserByUsername("admin"));
        mvc.perform(post("/admin/sign-in/tokens").param("owner", owner).param("name", "as someone else")
                        .param("currentPassword", "demo").with(admin).with(csrf()))
                .andExpect(status().is4xxClientError())
                .andExpect(flash().attributeCount(0));
        assertThat(tokensOf(owner)).isZero();
        mvc.perform(get("/admin/sign-in").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"token-form\""))));
    }

    @Test
    @DisplayName("a token cannot make a token, nor can HTTP Basic: 403 in words, nothing stored")
    void tokenCannotMintToken() throws Exception {
        String owner = TestUsers.receptionist(jdbc, encoder, PASSWORD);
        String token = makeOnScreen(owner, "parent");
        mvc.perform(post("/api/tokens").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"child\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("API tokens screen")));
        mvc.perform(post("/api/tokens").with(httpBasic(owner, PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"basic\"}"))
                .andExpect(status().isForbidden());
        assertThat(tokensOf(owner)).isOne();
    }

    @Test
    @DisplayName("a token is made only with the password asked again; its making, its use from a new address and its "
            + "revocation are in the audit trail")
    void passwordAgainAndAudited() throws Exception {
        String owner = TestUsers.receptionist(jdbc, encoder, PASSWORD);
        var me = user(users.loadUserByUsername(owner));
        mvc.perform(post("/account/tokens").param("name", "no password").with(me).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The current password is not right.")));
        mvc.perform(post("/account/tokens").param("name", "wrong password").param("currentPassword", "guess")
                        .with(me).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The current password is not right.")));
        assertThat(tokensOf(owner)).isZero();

        String token = makeOnScreen(owner, "audited");
        long id = jdbc.sql("SELECT t.id FROM api_token t JOIN app_user u ON u.id = t.user_id WHERE u.username = ?")
                .param(owner).query(Long.class).single();
        assertThat(audited(owner, "TOKEN_CREATE", id)).isOne();

        String first = TestUsers.address();
        String second = TestUsers.address();
        for (String address : new String[] {first, first, second, first}) {
            mvc.perform(get("/api/catalog/programs").header("Authorization", "Bearer " + token)
                    .with(TestUsers.from(address))).andExpect(status().isOk());
        }
        assertThat(audited(owner, "TOKEN_NEW_ADDRESS", id)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT details FROM audit_event WHERE action = 'TOKEN_NEW_ADDRESS' AND entity_id = ? "
                + "ORDER BY id").param(id).query(String.class).list())
                .anySatisfy(details -> assertThat(details).contains(first))
                .anySatisfy(details -> assertThat(details).contains(second));

        mvc.perform(post("/account/tokens/{id}/revoke", id).with(me).with(csrf())).andExpect(redirectedUrl("/account/tokens"));
        assertThat(audited(owner, "TOKEN_REVOKE", id)).isOne();
    }

    @Test
    @DisplayName("twenty requests racing with a token from an address it was never used from write one audit line")
    void newAddressRace() throws Exception {
        String owner = TestUsers.receptionist(jdbc, encoder, PASSWORD);
        String token = makeOnScreen(owner, "racing");
        long id = jdbc.sql("SELECT t.id FROM api_token t JOIN app_user u ON u.id = t.user_id WHERE u.username = ?")
                .param(owner).query(Long.class).single();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest call = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/catalog/programs"))
                .header("Authorization", "Bearer " + token).build();
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return http.send(call, HttpResponse.BodyHandlers.discarding()).statusCode();
                }));
            }
            start.countDown();
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                for (Future<Integer> answer : answers) {
                    assertThat(answer.get()).isEqualTo(200);
                }
            });
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(audited(owner, "TOKEN_NEW_ADDRESS", id)).isOne();
        assertThat(jdbc.sql("SELECT count(*) FROM api_token_address WHERE token_id = ?").param(id).query(Long.class)
                .single()).isOne();
    }

    @Test
    @DisplayName("a token sign-in and a bad token raise Spring Security's authentication events: audited, and bad tokens "
            + "are throttled by address like wrong passwords; a bad token is 401 in words")
    void tokensInsideSpringSecurity() throws Exception {
        String owner = TestUsers.receptionist(jdbc, encoder, PASSWORD);
        String token = makeOnScreen(owner, "events");
        events.clear();
        mvc.perform(get("/api/catalog/programs").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        assertThat(events.stream(AuthenticationSuccessEvent.class)
                .filter(e -> e.getAuthentication().getName().equals(owner))).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = ? AND action = 'SIGN_IN' "
                + "AND details = 'api token'").param(owner).query(Long.class).single()).isOne();

        String address = TestUsers.address();
        mvc.perform(get("/api/catalog/programs").header("Authorization", "Bearer cb_" + "B".repeat(43))
                        .with(TestUsers.from(address)))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("API token is not valid")));
        assertThat(events.stream(AuthenticationFailureBadCredentialsEvent.class)).hasSize(1);
        int throttledAt = 0;
        for (int attempt = 2; attempt <= 30 && throttledAt == 0; attempt++) {
            int status = mvc.perform(get("/api/catalog/programs").header("Authorization", "Bearer junk-" + attempt)
                    .with(TestUsers.from(address))).andReturn().getResponse().getStatus();
            if (status == 429) {
                throttledAt = attempt;
            }
            else {
                assertThat(status).isEqualTo(401);
            }
        }
        assertThat(throttledAt).as("bad tokens from one address are slowed down").isBetween(20, 30);
        // The same throttle as passwords: a right password from that address waits too.
        mvc.perform(get("/api/catalog/programs").with(httpBasic(owner, PASSWORD)).with(TestUsers.from(address)))
                .andExpect(status().isTooManyRequests());
    }

    @Test
    @DisplayName("a password change ends the person's other sessions and keeps this one; their tokens are on the same "
            + "page, and revoke all revokes them")
    void passwordChangeEndsOtherSessions() throws Exception {
        String owner = TestUsers.receptionist(jdbc, encoder, PASSWORD);
        String one = makeOnScreen(owner, "first script");
        String two = makeOnScreen(owner, "second script");
        MockHttpSession here = signIn(owner, PASSWORD);
        MockHttpSession elsewhere = signIn(owner, PASSWORD);
        mvc.perform(get("/patients").session(elsewhere)).andExpect(status().isOk());

        mvc.perform(get("/account/password").session(here))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("first script")))
                .andExpect(content().string(containsString("id=\"revoke-all-tokens\"")));
        mvc.perform(post("/account/password").session(here).with(csrf()).param("currentPassword", PASSWORD)
                        .param("newPassword", NEW_PASSWORD).param("confirmPassword", NEW_PASSWORD))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/patients").session(here)).andExpect(status().isOk());
        mvc.perform(get("/patients").session(elsewhere)).andExpect(redirectedUrl("/login?ended"));
        assertThat(elsewhere.isInvalid()).isTrue();

        mvc.perform(get("/api/catalog/programs").header("Authorization", "Bearer " + one)).andExpect(status().isOk());
        mvc.perform(post("/account/tokens/revoke-all").session(here).with(csrf())).andExpect(redirectedUrl("/account/password"));
        for (String token : new String[] {one, two}) {
            mvc.perform(get("/api/catalog/programs").header("Authorization", "Bearer " + token))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/patients").session(here)).andExpect(status().isOk());
    }

    @Test
    @DisplayName("disabling a login revokes its tokens: enabling it again does not bring them back")
    void reEnablingKeepsTokensRevoked() throws Exception {
        String owner = TestUsers.receptionist(jdbc, encoder, PASSWORD);
        String token = makeOnScreen(owner, "before disabling");
        long id = jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(owner).query(Long.class).single();
        var admin = user(users.loadUserByUsername("admin"));
        mvc.perform(post("/api/users/{id}/disable", id).with(admin).with(csrf())).andExpect(status().isOk());
        mvc.perform(get("/api/catalog/programs").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/users/{id}/enable", id).with(admin).with(csrf())).andExpect(status().isOk());
        mvc.perform(get("/api/catalog/programs").with(httpBasic(owner, PASSWORD))).andExpect(status().isOk());
        mvc.perform(get("/api/catalog/programs").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("SELECT revoked_by FROM api_token WHERE user_id = ?").param(id).query(String.class).single())
                .isEqualTo("admin");
    }

    /** A token made the one way there is: on the API tokens screen, the password typed again. */
    String makeOnScreen(String owner, String name) throws Exception {
        MvcResult made = mvc.perform(post("/account/tokens").param("name", name).param("currentPassword", PASSWORD)
                        .with(user(users.loadUserByUsername(owner))).with(csrf()))
                .andExpect(redirectedUrl("/account/tokens"))
                .andReturn();
        return (String) made.getFlashMap().get("newToken");
    }

    private MockHttpSession signIn(String login, String password) throws Exception {
        MvcResult result = mvc.perform(post("/login").with(csrf()).param("username", login).param("password", password))
                .andExpect(redirectedUrl("/")).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    private long tokensOf(String owner) {
        return jdbc.sql("SELECT count(*) FROM api_token t JOIN app_user u ON u.id = t.user_id WHERE u.username = ?")
                .param(owner).query(Long.class).single();
    }

    private long audited(String actor, String action, long tokenId) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = ? AND action = ? AND entity_type = 'API_TOKEN' "
                + "AND entity_id = ?").params(actor, action, tokenId).query(Long.class).single();
    }
}
