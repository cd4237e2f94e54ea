package com.coursebook.course;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.coursebook.notes.NoteFixtures;
import com.coursebook.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** "Check in" is offered only when check-in would be taken: on the session's day, in a running course. */
@IntegrationTest
class CheckInButtonTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("a future session offers no check-in but says on which day it opens; today's session offers it")
    void onlyOnTheDay() throws Exception {
        List<Long> future = new NoteFixtures(jdbc).course("PROSTATE_MASSAGE", "Budushchev", 3, -4);
        LocalDate day = LocalDate.now(ZoneId.of("Europe/Moscow")).plusDays(4);
        String page = page(future.get(0), "en");
        assertThat(page).doesNotContain("id=\"check-in\"").contains("Check-in opens on " + day);
        assertThat(page(future.get(0), "ru")).doesNotContain("id=\"check-in\"").contains(day.toString());

        List<Long> today = new NoteFixtures(jdbc).course("PROSTATE_MASSAGE", "Segodnyev", 3, 0);
        assertThat(page(today.get(0), "en")).contains("id=\"check-in\"").doesNotContain("Check-in opens on");
    }

    private String page(long session, String lang) throws Exception {
        return mvc.perform(get("/sessions/{id}", session).param("lang", lang)
                        .with(user("reception").roles("RECEPTIONIST")))
                .andReturn().getResponse().getContentAsString();
    }
}
