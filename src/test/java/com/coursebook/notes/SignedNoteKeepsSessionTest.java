package com.coursebook.notes;

import java.util.List;

import com.coursebook.support.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static com.coursebook.notes.NoteFixtures.completeNote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Records that must stay true: a note is signed only once its session has begun, and a session with a signed note
 * stays where it took place (no move, no cancellation), refused in words on the API and on the session's page.
 */
@IntegrationTest
class SignedNoteKeepsSessionTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    NoteFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new NoteFixtures(jdbc);
    }

    @Test
    @DisplayName("a complete note of a session that has not begun is kept as a draft but not signed (409, in words)")
    void notSignedBeforeTheSession() throws Exception {
        long session = fixtures.course("PROSTATE_MASSAGE", "Zarannii", 8, -800).get(0);
        String saved = mvc.perform(post("/api/sessions/{id}/notes", session).with(urologist())
                        .contentType(MediaType.APPLICATION_JSON).content(completeNote("")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        int noteId = JsonPath.read(saved, "$.id");
        mvc.perform(post("/api/notes/{id}/sign", noteId).with(urologist()))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Session 1 has not begun yet; its note is signed once its time has come."));
        assertThat(jdbc.sql("SELECT status FROM session_note WHERE session_id = ?").param(session).query(String.class)
                .single()).isEqualTo("DRAFT");
    }

    @Test
    @DisplayName("a session with a signed note is neither moved nor cancelled through the API (409, in words); "
            + "a later session of the same course without a note still moves")
    void signedSessionStaysOnTheApi() throws Exception {
        List<Long> sessions = fixtures.course("PROSTATE_MASSAGE", "Podpisannyi", 8, 900);
        long signed = sessions.get(0);
        sign(signed);
        String before = startAndStatus(signed);

        mvc.perform(patch("/api/sessions/{id}", signed).with(urologist()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"startsAt\":\"2099-03-03T10:00\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("Session 1 has a signed note")));
        mvc.perform(post("/api/sessions/{id}/cancel", signed).with(urologist()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"byClinic\":true}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("cannot be cancelled")));
        mvc.perform(post("/api/sessions/{id}/cancel", signed).with(httpBasic("reception", "demo"))
                        .header("Accept-Language", "ru"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("подписана запись")));
        assertThat(startAndStatus(signed)).isEqualTo(before);

        // the second session has no note: cancelling it is as before
        mvc.perform(post("/api/sessions/{id}/cancel", sessions.get(1)).with(urologist()))
                .andExpect(status().isOk());
    }

    @Test
    @DisplayName("on the session's page, moving or cancelling a session with a signed note brings the user back "
            + "with the reason, and nothing changes")
    void signedSessionStaysOnTheScreen() throws Exception {
        long signed = fixtures.course("PROSTATE_MASSAGE", "Ekrannyi", 8, 910).get(0);
        sign(signed);
        String before = startAndStatus(signed);
        var reception = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user("reception").roles("RECEPTIONIST");

        mvc.perform(post("/sessions/{id}/move", signed).with(reception).with(csrf()).param("startsAt", "2099-03-03T10:00"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", "session.signedNote.move"));
        mvc.perform(post("/sessions/{id}/cancel", signed).with(reception).with(csrf()).param("confirmed", "true"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", "session.signedNote.cancel"));
        assertThat(startAndStatus(signed)).isEqualTo(before);
    }

    @Test
    @DisplayName("a session with a signed note is not marked as missed (409, in words); its attendance is still "
            + "recorded after the signature")
    void signedSessionIsNoNoShow() throws Exception {
        long signed = fixtures.course("PROSTATE_MASSAGE", "Prishedshii", 8, 920).get(0);
        sign(signed);

        mvc.perform(post("/api/sessions/{id}/attendance", signed).with(urologist())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"NO_SHOW\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Session 1 has a signed note, so the patient came: it cannot be "
                        + "marked as missed."));
        assertThat(startAndStatus(signed)).endsWith("BOOKED");
        fixtures.markAttended(signed); // (the API records attendance on the session's day only; the database takes it)
        assertThat(startAndStatus(signed)).endsWith("ATTENDED");
    }

    @Test
    @DisplayName("stopping a course releases its booked sessions but keeps one with a signed note, whose attendance "
            + "was not recorded yet: it took place")
    void stoppingKeepsTheSignedSession() throws Exception {
        List<Long> sessions = fixtures.course("PROSTATE_MASSAGE", "Ostanovlennyi", 8, 930);
        sign(sessions.get(0));

        mvc.perform(post("/api/courses/{id}/stop", fixtures.courseOf(sessions.get(0))).with(urologist())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Adverse event\"}"))
                .andExpect(status().isOk());
        assertThat(startAndStatus(sessions.get(0))).endsWith("BOOKED");
        assertThat(startAndStatus(sessions.get(1))).endsWith("CANCELLED_BY_CLINIC");
    }

    private void sign(long session) throws Exception {
        String saved = mvc.perform(post("/api/sessions/{id}/notes", session).with(urologist())
                        .contentType(MediaType.APPLICATION_JSON).content(completeNote("")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        int noteId = JsonPath.read(saved, "$.id");
        mvc.perform(post("/api/notes/{id}/sign", noteId).with(urologist())).andExpect(status().isOk());
    }

    private String startAndStatus(long session) {
        return jdbc.sql("SELECT starts_at || ' ' || status FROM course_session WHERE id = ?").param(session)
                .query(String.class).single();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor urologist() {
        return httpBasic("urologist", "demo");
    }
}
