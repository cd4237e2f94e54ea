package com.coursebook.security;

import com.coursebook.support.IntegrationTest;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The API's two chains: an Authorization header must sign the request in by itself (stateless, no CSRF), and the
 * browser session needs its CSRF token; an anonymous call is 401 problem+json either way.
 */
@IntegrationTest
class ApiChainsTest {

    static final String PATIENT = """
            {"givenName":"Csrf","familyName":"Chaintestova","birthDate":"1980-01-02","sex":"FEMALE"}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("a session cookie plus 'Authorization: Bearer junk' without a CSRF token is refused and changes nothing")
    void junkAuthorizationDoesNotSkipCsrf() throws Exception {
        MockHttpSession session = signIn("reception", "demo");
        long before = patients();
        mvc.perform(post("/api/patients").session(session).header("Authorization", "Bearer junk")
                        .contentType(MediaType.APPLICATION_JSON).content(PATIENT))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/patients").session(session).header("Authorization", "Basic bm9ib2R5Om5vdGhpbmc=")
                        .contentType(MediaType.APPLICATION_JSON).content(PATIENT))
                .andExpect(status().isUnauthorized());
        // Without any Authorization header the session is used, and then the CSRF token is required...
        mvc.perform(post("/api/patients").session(session).contentType(MediaType.APPLICATION_JSON).content(PATIENT))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("CSRF")));
        assertThat(patients()).isEqualTo(before);
        // ...and with it the same session may register the patient: the refusals above were not about the session.
        mvc.perform(post("/api/patients").session(session).with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON).content(PATIENT))
                .andExpect(status().isCreated());
        assertThat(patients()).isEqualTo(before + 1);
    }

    @Test
    @DisplayName("the API's sign-in refusals are in the client's language: Russian for Accept-Language ru, else English")
    void refusalsInTheClientsLanguage() throws Exception {
        mvc.perform(get("/api/patients").header("Authorization", "Bearer junk").header("Accept-Language", "ru"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.title").value("Требуется вход"))
                .andExpect(jsonPath("$.detail", containsString("Токен API недействителен")));
        mvc.perform(get("/api/patients").header("Accept-Language", "ru"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail", containsString("Войдите")));
        mvc.perform(get("/api/reports/about-to-be-abandoned").with(httpBasic("reception", "demo"))
                        .header("Accept-Language", "ru"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("Вашей роли это не разрешено."));
        mvc.perform(get("/api/patients").header("Accept-Language", "de"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail", containsString("Sign in (HTTP Basic")));
    }

    @Test
    @DisplayName("HTTP Basic neither reads nor creates a session")
    void basicIsStateless() throws Exception {
        MvcResult fresh = mvc.perform(get("/api/catalog/programs").with(httpBasic("reception", "demo")))
                .andExpect(status().isOk()).andReturn();
        assertThat(fresh.getRequest().getSession(false)).isNull();
        // A signed-in admin's session does not lend its role to a receptionist's Basic request.
        MockHttpSession admin = signIn("admin", "demo");
        mvc.perform(get("/api/reports/about-to-be-abandoned").session(admin)).andExpect(status().isOk());
        mvc.perform(get("/api/reports/about-to-be-abandoned").session(admin).with(httpBasic("reception", "demo")))
                .andExpect(status().isForbidden());
    }

    @Test
    @DisplayName("an anonymous API POST is 401 problem+json with and without a CSRF token")
    void anonymousPost() throws Exception {
        long before = patients();
        mvc.perform(post("/api/patients").contentType(MediaType.APPLICATION_JSON).content(PATIENT))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("WWW-Authenticate", containsString("Basic")))
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(post("/api/patients").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(PATIENT))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(patients()).isEqualTo(before);
    }

    @Test
    @DisplayName("API answers carry the Referrer-Policy header, as the screens do")
    void referrerPolicy() throws Exception {
        mvc.perform(get("/api/catalog/programs").with(httpBasic("reception", "demo")))
                .andExpect(header().string("Referrer-Policy", "same-origin"));
        mvc.perform(get("/api/catalog/programs")).andExpect(status().isUnauthorized())
                .andExpect(header().string("Referrer-Policy", "same-origin"));
        MockHttpSession session = signIn("reception", "demo");
        mvc.perform(get("/api/catalog/programs").session(session))
                .andExpect(header().string("Referrer-Policy", "same-origin"));
    }

    private MockHttpSession signIn(String username, String password) throws Exception {
        MvcResult login = mvc.perform(post("/login").param("username", username).param("password", password)
                .with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
        assertThat(login.getResponse().getRedirectedUrl()).doesNotContain("error");
        return (MockHttpSession) login.getRequest().getSession(false);
    }

    private long patients() {
        return jdbc.sql("SELECT count(*) FROM patient").query(Long.class).single();
    }
}
