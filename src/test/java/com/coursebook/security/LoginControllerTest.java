package com.coursebook.security;

import com.coursebook.support.ScreenSliceTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The login page: open to anyone, posting to Spring Security's login with a CSRF token, never framed. */
@ScreenSliceTest(LoginController.class)
class LoginControllerTest {

    @Autowired
    MockMvc mvc;

    @Test
    @DisplayName("anyone may open the login page, whose form carries a CSRF token")
    void open() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(view().name("login"))
                .andExpect(content().string(containsString("action=\"/login\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")));
    }

    @Test
    @DisplayName("a failed sign-in comes back to the page saying so")
    void failed() throws Exception {
        mvc.perform(get("/login").param("error", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Wrong username or password.")));
        mvc.perform(get("/login")).andExpect(content().string(not(containsString("Wrong username or password."))));
    }

    @Test
    @DisplayName("after a refused sign-in the page says how long to wait, in seconds or minutes, and why; a value that "
            + "is no number is ignored")
    void throttled() throws Exception {
        mvc.perform(get("/login").param("wait", "8"))
                .andExpect(content().string(containsString("Too many failed sign-ins from here.")))
                .andExpect(content().string(containsString("Try again in 8 seconds.")));
        mvc.perform(get("/login").param("locked", "840"))
                .andExpect(content().string(containsString("This account is locked")))
                .andExpect(content().string(containsString("Try again in 14 minutes.")));
        mvc.perform(get("/login").param("locked", "840").param("lang", "ru"))
                .andExpect(content().string(containsString("Учётная запись заблокирована")))
                .andExpect(content().string(containsString("Повторите через 14 минут.")));
        mvc.perform(get("/login").param("wait", "<script>"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Try again"))));
    }
}
