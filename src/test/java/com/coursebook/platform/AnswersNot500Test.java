package com.coursebook.platform;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.coursebook.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue 17, item 15: answers that gave 500 now say what was wrong (or that there is nothing there). */
@IntegrationTest
class AnswersNot500Test {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("a NUL in an HTTP Basic user name is a failed sign-in (401 problem), not a 500")
    void nulInBasicUserName() throws Exception {
        for (String credentials : List.of("uro\0logist:demo", "urologist\0:demo", "\0:\0")) {
            mvc.perform(get("/api/catalog/programs").header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString(credentials.getBytes(StandardCharsets.UTF_8))))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
    }

    @Test
    @DisplayName("GET /error asked for directly is 'no such page' (404), not a 500")
    void errorPathDirectly() throws Exception {
        mvc.perform(get("/error").with(user("admin").roles("ADMIN"))).andExpect(status().isNotFound());
        mvc.perform(post("/error").with(user("admin").roles("ADMIN")).with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    @DisplayName("renaming a location to another's name on the screen is a field error, and nothing changes")
    void locationRenamedToATakenName() throws Exception {
        long first = jdbc.sql("INSERT INTO location (name) VALUES (?) RETURNING id").param("Renamed-" + System.nanoTime())
                .query(Long.class).single();
        String taken = "Taken-" + System.nanoTime();
        jdbc.sql("INSERT INTO location (name) VALUES (?)").param(taken).update();
        long version = jdbc.sql("SELECT version FROM location WHERE id = ?").param(first).query(Long.class).single();
        mvc.perform(post("/admin/scheduling/locations/{id}", first).with(user("admin").roles("ADMIN")).with(csrf())
                        .param("name", taken).param("version", Long.toString(version))
                        .param("timeZone", "Europe/Moscow").param("openingDays", "MONDAY"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Another location already has this name.")));
        assertThat(jdbc.sql("SELECT name FROM location WHERE id = ?").param(first).query(String.class).single())
                .startsWith("Renamed-");
    }

    @Test
    @DisplayName("a 201's Location is not built from a forged Host header")
    void createdLocationIgnoresTheHostHeader() throws Exception {
        MvcResult created = mvc.perform(post("/api/patients").with(httpBasic("reception", "demo"))
                        .header("Host", "evil.example").contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"givenName":"Hostov","familyName":"Forged%d","birthDate":"1981-02-03","sex":"MALE"}"""
                                .formatted(System.nanoTime())))
                .andExpect(status().isCreated()).andReturn();
        String location = created.getResponse().getHeader("Location");
        assertThat(location).doesNotContain("evil.example").matches("/api/patients/\\d+");
    }
}
