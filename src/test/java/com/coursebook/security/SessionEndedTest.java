package com.coursebook.security;

import com.coursebook.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * After a restart the browser still holds the old session cookie and a form with that session's CSRF token: the next
 * submission must lead to the sign-in page saying why, and signing in must return to the page the person was on.
 */
@IntegrationTest
class SessionEndedTest {

    static final String PASSWORD = "quiet harbour lantern";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Test
    @DisplayName("a form sent with a stale CSRF token leads to the sign-in page saying the session ended; signing in "
            + "returns to the form's page")
    void staleTokenAfterRestart() throws Exception {
        String login = TestUsers.receptionist(jdbc, encoder, PASSWORD);
        String address = TestUsers.address();
        // The server's new session store knows nothing of the old one: a fresh session, the old token in the form.
        MockHttpSession afterRestart = new MockHttpSession();
        mvc.perform(post("/patients/new").session(afterRestart).with(TestUsers.from(address)).with(oldCookie())
                        .header("Referer", "http://localhost/patients/new?q=x")
                        .param("_csrf", "token-of-the-session-before-the-restart").param("familyName", "Typed"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login?ended"));
        mvc.perform(get("/login").param("ended", "").session(afterRestart))
                .andExpect(content().string(containsString("Your session has ended. Sign in again.")));
        mvc.perform(get("/login").param("ended", "").param("lang", "ru").session(afterRestart))
                .andExpect(content().string(containsString("Ваш сеанс завершён. Войдите снова.")));
        mvc.perform(post("/login").session(afterRestart).with(csrf()).with(TestUsers.from(address))
                        .param("username", login).param("password", PASSWORD))
                .andExpect(redirectedUrl("/patients/new?q=x&continue"));
        mvc.perform(get("/patients/new").param("q", "x").param("continue", "").session(afterRestart))
                .andExpect(status().isOk());
    }

    @Test
    @DisplayName("a stale form whose page was elsewhere (another site's referrer) returns to the start page, not there")
    void foreignReferrerIsNotFollowed() throws Exception {
        String login = TestUsers.receptionist(jdbc, encoder, PASSWORD);
        String address = TestUsers.address();
        MockHttpSession afterRestart = new MockHttpSession();
        mvc.perform(post("/patients/new").session(afterRestart).with(TestUsers.from(address))
                        .header("Referer", "https://elsewhere.example/patients/new").param("_csrf", "stale"))
                .andExpect(redirectedUrl("/login?ended"));
        mvc.perform(post("/login").session(afterRestart).with(csrf()).with(TestUsers.from(address))
                        .param("username", login).param("password", PASSWORD))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    @DisplayName("opening a page with a session that ended leads to the sign-in page saying so, then back to the page")
    void endedSessionOnAPage() throws Exception {
        String login = TestUsers.receptionist(jdbc, encoder, PASSWORD);
        String address = TestUsers.address();
        MockHttpSession afterRestart = new MockHttpSession();
        mvc.perform(get("/worklist").session(afterRestart).with(oldCookie()))
                .andExpect(redirectedUrl("/login?ended"));
        mvc.perform(post("/login").session(afterRestart).with(csrf()).with(TestUsers.from(address))
                        .param("username", login).param("password", PASSWORD))
                .andExpect(redirectedUrl("/worklist?continue"));
        // Someone who never had a session is simply asked to sign in.
        mvc.perform(get("/worklist")).andExpect(redirectedUrl("/login"));
    }

    /** The browser sends the cookie of a session the server no longer has. */
    private static RequestPostProcessor oldCookie() {
        return request -> {
            ((MockHttpServletRequest) request).setRequestedSessionId("session-before-the-restart");
            ((MockHttpServletRequest) request).setRequestedSessionIdValid(false);
            return request;
        };
    }
}
