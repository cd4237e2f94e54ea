package com.coursebook.notes;

import java.sql.Connection;
import java.sql.Statement;

import com.coursebook.platform.DatabaseRoles;
import com.coursebook.support.DatabaseAs;
import com.coursebook.support.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static com.coursebook.notes.NoteFixtures.completeNote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A draft is its author's: another clinician reads it but neither changes nor signs it (403 in words, on the API and
 * on the screen, which offers no Save or Sign). Amendments of a signed note are anyone's, under their own name.
 */
@IntegrationTest
class SomeoneElsesDraftTest {

    private static final String UROLOGIST = "Dr Pyotr Urvantsev";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    NoteFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new NoteFixtures(jdbc);
    }

    @Test
    @DisplayName("through the API a gynecologist can neither change nor sign the urologist's draft (403 in words, "
            + "English and Russian); the urologist signs it himself, and the gynecologist's amendment bears her name")
    void apiRefusesAnotherClinician() throws Exception {
        long session = fixtures.course("PROSTATE_MASSAGE", "Chuzhoi", 8, 640).get(0);
        long note = draft(session);

        mvc.perform(put("/api/notes/{id}", note).with(gynecologist()).contentType(MediaType.APPLICATION_JSON)
                        .content(completeNote("\"freeText\":\"Rewritten by a colleague\"")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Not permitted"))
                .andExpect(jsonPath("$.detail").value("This draft was written by " + UROLOGIST
                        + "; only its author changes or signs it. Nothing was changed."));
        mvc.perform(post("/api/sessions/{id}/notes", session).with(gynecologist())
                        .contentType(MediaType.APPLICATION_JSON).content(completeNote("\"freeText\":\"Mine now\"")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/notes/{id}/sign", note).with(gynecologist()).header("Accept-Language", "ru"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("менять и подписывать его может только автор")));
        assertThat(jdbc.sql("SELECT status || ' ' || coalesce(free_text, '-') FROM session_note WHERE id = ?")
                .param(note).query(String.class).single()).isEqualTo("DRAFT -");

        mvc.perform(post("/api/notes/{id}/sign", note).with(urologist()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.author").value(UROLOGIST))
                .andExpect(jsonPath("$.signedBy").value(UROLOGIST));
        mvc.perform(post("/api/notes/{id}/amendments", note).with(gynecologist())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"Reviewed\",\"text\":\"Pain after the session was 2, not 0\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.author").value("Dr Galina Ginzburg"));
        mvc.perform(get("/api/sessions/{id}/notes", session).with(gynecologist()))
                .andExpect(jsonPath("$.author").value(UROLOGIST))
                .andExpect(jsonPath("$.signedBy").value(UROLOGIST));
    }

    @Test
    @DisplayName("the database refuses a signature by anyone but the note's author, even as the app's role")
    void databaseHoldsSignerToAuthor() throws Exception {
        long session = fixtures.course("PROSTATE_MASSAGE", "Podlozhnyi", 8, 650).get(0);
        long note = draft(session);
        assertThatThrownBy(() -> DatabaseAs.app(postgres).sql("UPDATE session_note SET status = 'SIGNED', "
                + "signed_by = 'gynecologist', signed_at = now() WHERE id = ?").param(note).update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("session_note_signed_by_author");
    }

    @Test
    @DisplayName("on the screen another clinician reads the draft with whose it is, gets no Save or Sign, and a "
            + "posted form is refused (403) in words; the author gets both buttons")
    void screenOffersNothingToAnotherClinician() throws Exception {
        long session = fixtures.course("PROSTATE_MASSAGE", "Ekrannyi-chuzhoi", 8, 660).get(0);
        draft(session);

        mvc.perform(get("/sessions/{id}/note", session).with(user("gynecologist").roles("CLINICIAN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"not-your-draft\"")))
                .andExpect(content().string(containsString("This draft was written by " + UROLOGIST)))
                .andExpect(content().string(not(containsString("id=\"save-draft\""))))
                .andExpect(content().string(not(containsString("id=\"sign-note\""))));
        mvc.perform(get("/sessions/{id}/note", session).with(user("urologist").roles("CLINICIAN")))
                .andExpect(content().string(containsString("id=\"save-draft\"")))
                .andExpect(content().string(containsString("id=\"sign-note\"")))
                .andExpect(content().string(not(containsString("id=\"not-your-draft\""))));

        mvc.perform(post("/sessions/{id}/note", session).with(user("gynecologist").roles("CLINICIAN")).with(csrf())
                        .param("action", "sign").param("findings", "Mine now").param("durationMinutes", "5"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("This draft was written by " + UROLOGIST
                        + "; only its author changes or signs it.")));
        assertThat(jdbc.sql("SELECT status || ' ' || findings FROM session_note WHERE session_id = ?").param(session)
                .query(String.class).single()).isEqualTo("DRAFT Soft, no tenderness");
    }

    @Test
    @DisplayName("a note signed before this rule by someone other than its author shows both names on the screen")
    void bothNamesWhereTheyDiffer() throws Exception {
        long session = fixtures.course("PROSTATE_MASSAGE", "Dvoinoi", 8, 670).get(0);
        // as signed by an earlier release: the constraint is NOT VALID, so such rows stay; made here as they were
        try (Connection owner = postgres.getDatabase(DatabaseRoles.OWNER, "coursebook").getConnection();
                Statement sql = owner.createStatement()) {
            owner.setAutoCommit(false);
            sql.execute("ALTER TABLE session_note DROP CONSTRAINT session_note_signed_by_author");
            sql.execute("INSERT INTO session_note (session_id, status, findings, author, signed_by, signed_at) "
                    + "VALUES (" + session + ", 'SIGNED', 'Soft', 'urologist', 'gynecologist', now())");
            sql.execute("ALTER TABLE session_note ADD CONSTRAINT session_note_signed_by_author "
                    + "CHECK (status <> 'SIGNED' OR signed_by = author) NOT VALID");
            owner.commit();
        }
        mvc.perform(get("/sessions/{id}/note", session).with(user("urologist").roles("CLINICIAN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("by Dr Galina Ginzburg")))
                .andExpect(content().string(containsString("written by " + UROLOGIST)));
    }

    private long draft(long session) throws Exception {
        String created = mvc.perform(post("/api/sessions/{id}/notes", session).with(urologist())
                        .contentType(MediaType.APPLICATION_JSON).content(completeNote("")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(created, "$.id")).longValue();
    }

    private static RequestPostProcessor urologist() {
        return httpBasic("urologist", "demo");
    }

    private static RequestPostProcessor gynecologist() {
        return httpBasic("gynecologist", "demo");
    }
}
