package com.coursebook.security;

import com.coursebook.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The admin's staff screens on the whole application: the form says what is wrong beside each field, in both languages. */
@IntegrationTest
class StaffScreenTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Test
    @DisplayName("the staff list shows everyone by name with their roles; the nav has a Staff entry for admins only")
    void list() throws Exception {
        mvc.perform(get("/admin/staff").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Dr Pyotr Urvantsev")))
                .andExpect(content().string(containsString("Rita Reception")))
                .andExpect(content().string(containsString("href=\"/admin/staff\"")));
        mvc.perform(get("/patients").with(user(users.loadUserByUsername("reception"))))
                .andExpect(content().string(not(containsString("href=\"/admin/staff\""))));
        mvc.perform(get("/admin/staff").with(user(users.loadUserByUsername("reception"))))
                .andExpect(status().isForbidden());
    }

    @Test
    @DisplayName("bad input comes back with the reasons beside the fields, in English and Russian, and nothing is stored")
    void refusedForm() throws Exception {
        long before = count();
        mvc.perform(post("/admin/staff/new").with(admin()).with(csrf()).param("username", "reception")
                        .param("displayName", "Second Reception").param("roles", "RECEPTIONIST")
                        .param("temporaryPassword", "violet kettle morning"))
                .andExpect(status().isOk())
                .andExpect(view().name("staff/form"))
                .andExpect(content().string(containsString("The login reception is taken: choose another.")));
        mvc.perform(post("/admin/staff/new").with(admin()).with(csrf()).param("lang", "ru")
                        .param("username", StaffApiTest.unique("clin")).param("displayName", "Dr Без Специалиста")
                        .param("roles", "CLINICIAN").param("temporaryPassword", "violet kettle morning"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Учётная запись врача должна быть связана со специалистом.")));
        mvc.perform(post("/admin/staff/new").with(admin()).with(csrf()).param("lang", "en")
                        .param("username", StaffApiTest.unique("weak")).param("displayName", "Walter Weak")
                        .param("roles", "RECEPTIONIST").param("temporaryPassword", "password"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Too short: use at least 12 characters.")))
                .andExpect(content().string(containsString("This is one of the most common passwords")))
                .andExpect(content().string(not(containsString("value=\"password\""))));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    @DisplayName("a new login is created from the form and opens on its own page; disabling it there says so")
    void createAndDisable() throws Exception {
        String login = StaffApiTest.unique("desk");
        MvcResult created = mvc.perform(post("/admin/staff/new").with(admin()).with(csrf()).param("username", login)
                        .param("displayName", "Dina Desk").param("roles", "RECEPTIONIST").param("language", "ru")
                        .param("temporaryPassword", "violet kettle morning"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("message", "staff.flash.created")).andReturn();
        String page = created.getResponse().getRedirectedUrl();
        mvc.perform(get(page).with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Dina Desk")))
                .andExpect(content().string(containsString("Temporary password")));
        mvc.perform(post(page + "/disable").with(admin()).with(csrf()))
                .andExpect(flash().attribute("message", "staff.flash.disabled"));
        assertThat(jdbc.sql("SELECT enabled FROM app_user WHERE username = ?").param(login).query(Boolean.class)
                .single()).isFalse();
        // The screens' advice brings a refusal back to the login's page in words.
        MvcResult again = mvc.perform(post(page + "/disable").with(admin()).with(csrf())).andReturn();
        mvc.perform(get(page).with(admin()).flashAttrs(again.getFlashMap()))
                .andExpect(content().string(containsString("Dina Desk is already disabled.")));
    }

    private RequestPostProcessor admin() {
        return user(users.loadUserByUsername("admin"));
    }

    private long count() {
        return jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();
    }
}
