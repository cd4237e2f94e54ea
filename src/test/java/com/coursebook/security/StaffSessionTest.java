package com.coursebook.security;

import com.coursebook.support.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A person's session against the login as an admin changes it, through real sign-ins (the login form and its session
 * cookie, or HTTP Basic): a temporary password leads only to the change-password page, a disabled login's open session
 * is refused at its next request, a new name shows at the next page.
 */
@IntegrationTest
class StaffSessionTest {

    static final String TEMPORARY = "violet kettle morning";

    static final String OWN = "seven green lanterns";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("a temporary password allows nothing but choosing one's own; then the person works, in their language")
    void temporaryPasswordFirst() throws Exception {
        String login = StaffApiTest.unique("first");
        long id = create(login, "ru");
        MockHttpSession session = signIn(login, TEMPORARY);
        // The first request after signing in sets the language cookie, which the browser sends from then on.
        Cookie language = mvc.perform(get("/patients").session(session))
                .andExpect(redirectedUrl("/account/password")).andReturn().getResponse().getCookie("coursebook-lang");
        assertThat(language).isNotNull();
        assertThat(language.getValue()).isEqualTo("ru");
        mvc.perform(get("/worklist").session(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/account/password").session(session).cookie(language))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Смена пароля"))) // the login's language, not the browser's
                .andExpect(content().string(containsString("У вас временный пароль")));
        // Wrong current password, a common one, two that differ: each said beside its field, nothing changed.
        mvc.perform(post("/account/password").session(session).with(csrf()).param("lang", "en")
                        .param("currentPassword", "not it at all").param("newPassword", OWN).param("confirmPassword", OWN))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The current password is not right.")));
        mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("currentPassword", TEMPORARY).param("newPassword", "password1234")
                        .param("confirmPassword", "password1234"))
                .andExpect(content().string(containsString("one of the most common passwords")));
        mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("currentPassword", TEMPORARY).param("newPassword", OWN).param("confirmPassword", OWN + "!"))
                .andExpect(content().string(containsString("are not the same")));
        mvc.perform(get("/patients").session(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("currentPassword", TEMPORARY).param("newPassword", OWN).param("confirmPassword", OWN))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/patients").session(session)).andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT must_change_password FROM app_user WHERE id = ?").param(id).query(Boolean.class)
                .single()).isFalse();
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE entity_type = 'APP_USER' AND entity_id = ? ORDER BY id")
                .param(id).query(String.class).list()).containsExactly("CREATE", "PASSWORD_CHANGED");
    }

    @Test
    @DisplayName("a guessable new password is refused with the reason, in the person's language: spaces, repeats, the "
            + "login doubled or with digits, the name")
    void guessablePasswordSaysWhy() throws Exception {
        String login = StaffApiTest.unique("guess");
        create(login, "en");
        MockHttpSession session = signIn(login, TEMPORARY);
        assertRefused(session, "en", " ".repeat(12), "Spaces alone are no password");
        assertRefused(session, "en", "demodemodemo", "it repeats");
        assertRefused(session, "en", login + login, "Too close to your login or name");
        assertRefused(session, "en", login + "123456", "Too close to your login or name");
        assertRefused(session, "ru", "demodemodemo", "повтор");
        assertRefused(session, "ru", login + "2026", "похож на ваш логин или имя");
        assertThat(jdbc.sql("SELECT must_change_password FROM app_user WHERE username = ?").param(login)
                .query(Boolean.class).single()).as("nothing changed").isTrue();
    }

    private void assertRefused(MockHttpSession session, String language, String password, String words)
            throws Exception {
        mvc.perform(post("/account/password").session(session).with(csrf()).param("lang", language)
                        .param("currentPassword", TEMPORARY).param("newPassword", password)
                        .param("confirmPassword", password))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(words)));
    }

    @Test
    @DisplayName("a disabled user's open browser session is refused at its next request, and they cannot sign in again")
    void disabledSessionRefused() throws Exception {
        String login = StaffApiTest.unique("leaver");
        long id = create(login, null);
        MockHttpSession session = signIn(login, TEMPORARY);
        changeOwnPassword(session);
        mvc.perform(get("/patients").session(session)).andExpect(status().isOk());

        mvc.perform(post("/api/users/{id}/disable", id).with(httpBasic("admin", "demo"))).andExpect(status().isOk());

        mvc.perform(get("/patients").session(session)).andExpect(redirectedUrl("/login?ended"));
        assertThat(session.isInvalid()).as("the session is ended, not just this request refused").isTrue();
        mvc.perform(get("/api/practitioners").session(session)).andExpect(status().isUnauthorized());
        mvc.perform(post("/login").with(csrf()).param("username", login).param("password", OWN))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/api/practitioners").with(httpBasic(login, OWN))).andExpect(status().isUnauthorized());
        mvc.perform(get("/login").param("ended", "")).andExpect(content().string(containsString("Your session has ended.")));
    }

    @Test
    @DisplayName("an open API session (the browser's cookie) of a login disabled meanwhile gets 401 problem details")
    void disabledApiSession() throws Exception {
        String login = StaffApiTest.unique("apileaver");
        long id = create(login, null);
        MockHttpSession session = signIn(login, TEMPORARY);
        changeOwnPassword(session);
        mvc.perform(get("/api/practitioners").session(session)).andExpect(status().isOk());
        mvc.perform(post("/api/users/{id}/disable", id).with(httpBasic("admin", "demo"))).andExpect(status().isOk());
        mvc.perform(get("/api/practitioners").session(session))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("disabled")));
    }

    @Test
    @DisplayName("with HTTP Basic, a temporary password may only change itself (403 otherwise); then the API answers")
    void temporaryPasswordOverTheApi() throws Exception {
        String login = StaffApiTest.unique("script");
        create(login, null);
        mvc.perform(get("/api/practitioners").with(httpBasic(login, TEMPORARY)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("/api/account/password")));
        mvc.perform(put("/api/account/password").with(httpBasic(login, TEMPORARY)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"" + TEMPORARY + "\",\"newPassword\":\"" + login + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("newPassword"));
        mvc.perform(put("/api/account/password").with(httpBasic(login, TEMPORARY)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"" + TEMPORARY + "\",\"newPassword\":\"" + OWN + "\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/practitioners").with(httpBasic(login, OWN))).andExpect(status().isOk());
        mvc.perform(get("/api/practitioners").with(httpBasic(login, TEMPORARY))).andExpect(status().isUnauthorized());
    }

    @Test
    @DisplayName("a new name or new roles apply to an open session at its next request")
    void changesApplyAtOnce() throws Exception {
        String login = StaffApiTest.unique("renamed");
        long id = create(login, null);
        MockHttpSession session = signIn(login, TEMPORARY);
        changeOwnPassword(session);
        mvc.perform(get("/patients").session(session).param("lang", "en"))
                .andExpect(content().string(containsString("Signed in as Rosa Renamed")));
        long version = version(id);
        mvc.perform(put("/api/users/{id}", id).with(httpBasic("admin", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"displayName\":\"Rosa Married-Name\",\"roles\":[\"RECEPTIONIST\"],\"version\":"
                                + version + "}"))
                .andExpect(status().isOk());
        mvc.perform(get("/patients").session(session))
                .andExpect(content().string(containsString("Signed in as Rosa Married-Name")))
                .andExpect(content().string(not(containsString("Rosa Renamed"))));
        // Made an admin instead: the admin's pages open, reception's do not.
        long practitioner = jdbc.sql("INSERT INTO practitioner (given_name, family_name, specialty) "
                + "VALUES ('Rosa', 'Married', 'UROLOGY') RETURNING id").query(Long.class).single();
        mvc.perform(put("/api/users/{id}", id).with(httpBasic("admin", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"displayName\":\"Rosa Married-Name\",\"roles\":[\"CLINICIAN\",\"ADMIN\"],"
                                + "\"practitionerId\":" + practitioner + ",\"version\":" + version(id) + "}"))
                .andExpect(status().isOk());
        mvc.perform(get("/admin/staff").session(session)).andExpect(status().isOk());
        mvc.perform(get("/today").session(session)).andExpect(status().isOk());
    }

    private long create(String login, String language) throws Exception {
        String body = mvc.perform(post("/api/users").with(httpBasic("admin", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + login + "\",\"displayName\":\"Rosa Renamed\","
                                + "\"roles\":[\"RECEPTIONIST\"],\"temporaryPassword\":\"" + TEMPORARY + "\""
                                + (language == null ? "" : ",\"language\":\"" + language + "\"") + "}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    /** Through the login form, as a browser does: the session it returns is the person's cookie. */
    private MockHttpSession signIn(String login, String password) throws Exception {
        MvcResult result = mvc.perform(post("/login").with(csrf()).param("username", login).param("password", password))
                .andExpect(redirectedUrl("/")).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    private void changeOwnPassword(MockHttpSession session) throws Exception {
        mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("currentPassword", TEMPORARY).param("newPassword", OWN).param("confirmPassword", OWN))
                .andExpect(redirectedUrl("/"));
    }

    private long version(long id) {
        return jdbc.sql("SELECT version FROM app_user WHERE id = ?").param(id).query(Long.class).single();
    }
}
