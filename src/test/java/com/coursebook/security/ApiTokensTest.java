package com.coursebook.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import com.coursebook.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Personal API tokens (docs/security.md, "API tokens"): made on the screen, used as Bearer, listed, revoked, expired, refused. */
@IntegrationTest
class ApiTokensTest {

    static final String PASSWORD = "token-owner-password";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    UserDetailsService users;

    @Test
    @DisplayName("a token made on the screen works as Bearer with its owner's role, is stored only as its SHA-256, "
            + "is listed without the token, and once revoked through the API is 401")
    void lifecycle() throws Exception {
        String owner = TestUsers.receptionist(jdbc, encoder, PASSWORD);
        String token = make(owner, "Nightly export");
        long id = jdbc.sql("SELECT id FROM api_token WHERE token_hash = ?").param(sha256(token)).query(Long.class).single();
        assertThat(token).startsWith("cb_").hasSizeGreaterThan(40);
        assertThat(jdbc.sql("SELECT token_hash FROM api_token WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo(sha256(token)).isNotEqualTo(token);

        MvcResult used = mvc.perform(get("/api/catalog/programs").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andReturn();
        assertThat(used.getRequest().getSession(false)).as("a token request keeps no session").isNull();
        mvc.perform(get("/api/reports/about-to-be-abandoned").header("Authorization", "Bearer " + token))
                .andExpect(status().isForbidden()); // a receptionist's token is a receptionist
        mvc.perform(get("/api/tokens").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("Nightly export"))
                .andExpect(jsonPath("$[0].expiresAt").isEmpty())
                .andExpect(jsonPath("$[0].active").value(true))
                .andExpect(jsonPath("$[0].lastUsedAt").isNotEmpty())
                .andExpect(content().string(not(containsString(token))))
                .andExpect(content().string(not(containsString("cb_"))));

        mvc.perform(delete("/api/tokens/{id}", id).with(httpBasic(owner, PASSWORD))).andExpect(status().isNoContent());
        mvc.perform(get("/api/catalog/programs").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    @DisplayName("an expired token, a disabled user's token and a made-up token are 401")
    void refused() throws Exception {
        String owner = TestUsers.receptionist(jdbc, encoder, PASSWORD);
        String expiring = make(owner, "expires");
        String disabled = make(owner, "owner disabled");
        mvc.perform(get("/api/catalog/programs").header("Authorization", "Bearer " + expiring)).andExpect(status().isOk());
        jdbc.sql("UPDATE api_token SET expires_at = now() - interval '1 minute' WHERE token_hash = ?")
                .param(sha256(expiring)).update();
        mvc.perform(get("/api/catalog/programs").header("Authorization", "Bearer " + expiring))
                .andExpect(status().isUnauthorized());

        mvc.perform(get("/api/catalog/programs").header("Authorization", "Bearer " + disabled)).andExpect(status().isOk());
        jdbc.sql("UPDATE app_user SET enabled = false WHERE username = ?").param(owner).update();
        mvc.perform(get("/api/catalog/programs").header("Authorization", "Bearer " + disabled))
                .andExpect(status().isUnauthorized());

        mvc.perform(get("/api/catalog/programs").header("Authorization", "Bearer cb_" + "A".repeat(43)))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/catalog/programs").header("Authorization", "Bearer junk"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    @DisplayName("someone else's token cannot be revoked (404) and keeps working")
    void notYours() throws Exception {
        String owner = TestUsers.receptionist(jdbc, encoder, PASSWORD);
        String other = TestUsers.receptionist(jdbc, encoder, PASSWORD);
        String token = make(owner, "mine");
        long id = jdbc.sql("SELECT id FROM api_token WHERE token_hash = ?").param(sha256(token)).query(Long.class).single();
        mvc.perform(delete("/api/tokens/{id}", id).with(httpBasic(other, PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/catalog/programs").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
    }

    @Test
    @DisplayName("a blank name, a past or malformed expiry, a too long name: said beside the field, nothing stored")
    void badInput() throws Exception {
        String owner = TestUsers.receptionist(jdbc, encoder, PASSWORD);
        var me = user(users.loadUserByUsername(owner));
        long before = jdbc.sql("SELECT count(*) FROM api_token").query(Long.class).single();
        mvc.perform(post("/account/tokens").param("name", "  ").param("currentPassword", PASSWORD).with(me).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Give the token a name")));
        mvc.perform(post("/account/tokens").param("name", "old").param("expiresOn", "2020-01-01")
                        .param("currentPassword", PASSWORD).with(me).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The last day must be after today.")));
        mvc.perform(post("/account/tokens").param("name", "odd").param("expiresOn", "next week")
                        .param("currentPassword", PASSWORD).with(me).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter a date as YYYY-MM-DD")));
        mvc.perform(post("/account/tokens").param("name", "x".repeat(101)).param("currentPassword", PASSWORD)
                        .with(me).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("at most 100 characters")));
        assertThat(jdbc.sql("SELECT count(*) FROM api_token").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    @DisplayName("the API tokens screen makes a token, shows it once, and revokes it; the admin revokes any user's")
    void screens() throws Exception {
        String owner = TestUsers.receptionist(jdbc, encoder, PASSWORD);
        var me = user(users.loadUserByUsername(owner));
        MvcResult made = mvc.perform(post("/account/tokens").param("name", "Laptop script").param("expiresOn", "")
                        .param("currentPassword", PASSWORD).with(me).with(csrf()))
                .andExpect(redirectedUrl("/account/tokens"))
                .andExpect(flash().attributeExists("newToken"))
                .andReturn();
        String token = (String) made.getFlashMap().get("newToken");
        mvc.perform(get("/account/tokens").with(me).flashAttrs(made.getFlashMap()))
                .andExpect(content().string(containsString(token)))
                .andExpect(content().string(containsString("shown only this once")));
        mvc.perform(get("/account/tokens").with(me))
                .andExpect(content().string(containsString("Laptop script")))
                .andExpect(content().string(not(containsString(token))));
        mvc.perform(get("/api/catalog/programs").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        mvc.perform(post("/account/tokens").param("name", "").param("currentPassword", PASSWORD).with(me).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Give the token a name")));
        long id = jdbc.sql("SELECT id FROM api_token WHERE token_hash = ?").param(sha256(token)).query(Long.class).single();
        mvc.perform(post("/account/tokens/{id}/revoke", id).with(me).with(csrf())).andExpect(redirectedUrl("/account/tokens"));
        mvc.perform(get("/api/catalog/programs").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());

        // The admin sees every working token and revokes any, but makes none (ApiTokenTrustTest).
        String another = make(owner, "Seen by the admin");
        long anotherId = jdbc.sql("SELECT id FROM api_token WHERE token_hash = ?").param(sha256(another))
                .query(Long.class).single();
        var admin = user(users.loadUserByUsername("admin"));
        mvc.perform(get("/admin/sign-in").with(admin)).andExpect(content().string(containsString("Seen by the admin")));
        mvc.perform(post("/admin/sign-in/tokens/{id}/revoke", anotherId).with(admin).with(csrf()))
                .andExpect(redirectedUrl("/admin/sign-in"));
        mvc.perform(get("/api/catalog/programs").header("Authorization", "Bearer " + another))
                .andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("SELECT revoked_by FROM api_token WHERE id = ?").param(anotherId).query(String.class)
                .single()).isEqualTo("admin");
    }

    /** Tokens are made on the screen only, the password typed again. */
    private String make(String owner, String name) throws Exception {
        MvcResult made = mvc.perform(post("/account/tokens").param("name", name).param("currentPassword", PASSWORD)
                        .with(user(users.loadUserByUsername(owner))).with(csrf()))
                .andExpect(redirectedUrl("/account/tokens")).andReturn();
        return (String) made.getFlashMap().get("newToken");
    }

    static String sha256(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
