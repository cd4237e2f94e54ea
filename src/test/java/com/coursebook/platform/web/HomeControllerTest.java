package com.coursebook.platform.web;

import com.coursebook.support.ScreenSliceTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/** Each role lands where its day starts. */
@ScreenSliceTest(HomeController.class)
class HomeControllerTest {

    @Autowired
    MockMvc mvc;

    @Test
    @WithMockUser(roles = "RECEPTIONIST")
    @DisplayName("reception lands on the patient search")
    void reception() throws Exception {
        mvc.perform(get("/")).andExpect(redirectedUrl("/patients"));
    }

    @Test
    @WithMockUser(roles = "CLINICIAN")
    @DisplayName("a clinician lands on their day")
    void clinician() throws Exception {
        mvc.perform(get("/")).andExpect(redirectedUrl("/today"));
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    @DisplayName("an admin lands on the review")
    void admin() throws Exception {
        mvc.perform(get("/")).andExpect(redirectedUrl("/review"));
    }

    @Test
    @WithMockUser(roles = { "CLINICIAN", "ADMIN" })
    @DisplayName("someone who is both admin and clinician lands on the review")
    void adminFirst() throws Exception {
        mvc.perform(get("/")).andExpect(redirectedUrl("/review"));
    }

    @Test
    @DisplayName("an anonymous visitor is sent to the login page")
    void anonymous() throws Exception {
        mvc.perform(get("/")).andExpect(redirectedUrl("/login"));
    }
}
