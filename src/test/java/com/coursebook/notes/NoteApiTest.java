package com.coursebook.notes;

import java.util.List;

import com.coursebook.support.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static com.coursebook.notes.NoteFixtures.completeNote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Session notes through the API against the real database: drafting, signing, amending, who may, and what follows. */
@IntegrationTest
class NoteApiTest {

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
    @DisplayName("a note is drafted (201, then 200), signed, and never changed after: editing is refused with 409, "
            + "and an amendment is shown beside the original, which stays as signed")
    void draftSignAmend() throws Exception {
        long session = fixtures.course("PROSTATE_MASSAGE", "Zapiskin", 8, 600).get(0);

        String created = saveDraft(session, "{\"position\":\"KNEE_ELBOW\",\"findings\":\"Gland enlarged\"}")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", endsWith("/api/sessions/" + session + "/notes")))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.sessionNumber").value(1))
                .andExpect(jsonPath("$.author").value("Dr Pyotr Urvantsev"))
                .andReturn().getResponse().getContentAsString();
        int noteId = JsonPath.read(created, "$.id");
        saveDraft(session, "{\"durationMinutes\":2,\"position\":\"KNEE_ELBOW\",\"painDuring\":2,\"painAfter\":1,"
                + "\"findings\":\"Gland enlarged, soft, tender on the left\",\"sampleTaken\":true,\"sampleLabel\":\"PS-17\","
                + "\"trend\":\"SAME\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(noteId))
                .andExpect(jsonPath("$.sampleLabel").value("PS-17"));

        mvc.perform(post("/api/notes/{id}/sign", noteId).with(urologist()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SIGNED"))
                .andExpect(jsonPath("$.signedBy").value("Dr Pyotr Urvantsev"));
        mvc.perform(post("/api/notes/{id}/sign", noteId).with(urologist()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("(by Dr Pyotr Urvantsev)")));
        mvc.perform(put("/api/notes/{id}", noteId).with(urologist()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"findings\":\"Rewritten\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("add an amendment")));
        saveDraft(session, "{\"findings\":\"Rewritten\"}").andExpect(status().isConflict());

        mvc.perform(post("/api/notes/{id}/amendments", noteId).with(urologist()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"Side recorded wrongly\",\"text\":\"Tender on the right, not the left\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.author").value("Dr Pyotr Urvantsev"))
                .andExpect(jsonPath("$.at").exists());
        mvc.perform(post("/api/notes/{id}/amendments", noteId).with(urologist()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\" \",\"text\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("reason", "text")));

        mvc.perform(get("/api/sessions/{id}/notes", session).with(urologist()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SIGNED"))
                .andExpect(jsonPath("$.findings").value("Gland enlarged, soft, tender on the left"))
                .andExpect(jsonPath("$.amendments", hasSize(1)))
                .andExpect(jsonPath("$.amendments[0].reason").value("Side recorded wrongly"))
                .andExpect(jsonPath("$.amendments[0].text").value("Tender on the right, not the left"));

        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE entity_type = 'SESSION_NOTE' AND entity_id = ?")
                .param(noteId).query(String.class).list()).contains("CREATE", "UPDATE", "SIGN", "AMEND", "VIEW");
    }

    @Test
    @DisplayName("a receptionist can neither read nor write a note (403), and no content reaches her")
    void receptionistRefused() throws Exception {
        long session = fixtures.course("PROSTATE_MASSAGE", "Skrytov", 8, 610).get(0);
        String created = saveDraft(session, completeNote("").replace("Soft, no tenderness", "Confidential finding"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        int noteId = JsonPath.read(created, "$.id");

        mvc.perform(get("/api/sessions/{id}/notes", session).with(reception()))
                .andExpect(status().isForbidden())
                .andExpect(content().string(not(containsString("Confidential"))));
        mvc.perform(post("/api/sessions/{id}/notes", session).with(reception()).contentType(MediaType.APPLICATION_JSON)
                        .content(completeNote("")))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/notes/{id}", noteId).with(reception()).contentType(MediaType.APPLICATION_JSON)
                        .content(completeNote("")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/notes/{id}/sign", noteId).with(reception()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/notes/{id}/amendments", noteId).with(reception()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"x\",\"text\":\"y\"}"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT status FROM session_note WHERE id = ?").param(noteId).query(String.class).single())
                .isEqualTo("DRAFT");
    }

    @Test
    @DisplayName("once signed, the database itself refuses an UPDATE or DELETE of the note, and of its amendments")
    void immutableInTheDatabase() throws Exception {
        long session = fixtures.course("PROSTATE_MASSAGE", "Nezyblemov", 8, 620).get(0);
        int noteId = JsonPath.read(saveDraft(session, completeNote("")).andReturn().getResponse().getContentAsString(),
                "$.id");
        // A draft is still an ordinary row.
        assertThat(jdbc.sql("UPDATE session_note SET free_text = 'draft edit' WHERE id = ?").param(noteId).update())
                .isEqualTo(1);
        mvc.perform(post("/api/notes/{id}/sign", noteId).with(urologist())).andExpect(status().isOk());
        mvc.perform(post("/api/notes/{id}/amendments", noteId).with(urologist()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"Typo\",\"text\":\"Duration was 3 minutes\"}")).andExpect(status().isCreated());

        assertThatThrownBy(() -> jdbc.sql("UPDATE session_note SET findings = 'x' WHERE id = ?").param(noteId).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("is signed and cannot be changed");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM session_note WHERE id = ?").param(noteId).update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("UPDATE note_amendment SET text = 'x' WHERE note_id = ?").param(noteId).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("cannot be changed");
        assertThat(jdbc.sql("SELECT findings FROM session_note WHERE id = ?").param(noteId).query(String.class).single())
                .isEqualTo("Soft, no tenderness");
    }

    @Test
    @DisplayName("pain 6/10 after session 3 of a gynecological course holds sessions 4 and later and puts the course "
            + "up for review; a pain-free session before it held nothing")
    void painHoldsTheCourse() throws Exception {
        List<Long> sessions = fixtures.course("GYNECOLOGICAL_MASSAGE", "Bolina", 6, 5); // 1-3 in the past, 4-6 ahead
        long course = fixtures.courseOf(sessions.get(0));
        fixtures.markAttended(sessions.get(0));
        fixtures.markAttended(sessions.get(1));
        fixtures.markAttended(sessions.get(2));

        signNote(sessions.get(1), completeNote("\"route\":\"VAGINAL\""));
        assertThat(needsReview(course)).isFalse();

        signNote(sessions.get(2), completeNote("\"route\":\"VAGINAL\",\"painAfter\":6").replace("\"painAfter\":0,", ""));

        assertThat(needsReview(course)).isTrue();
        assertThat(jdbc.sql("SELECT review_reason FROM course WHERE id = ?").param(course).query(String.class).single())
                .isEqualTo("msg:note.review.painAfter|6|3"); // a code: each reader gets it in their language
        assertThat(jdbc.sql("SELECT seq_no, coalesce(attention_rule, '-') FROM course_session WHERE course_id = ? "
                        + "ORDER BY seq_no").param(course).query((rs, n) -> rs.getInt(1) + ":" + rs.getString(2)).list())
                .containsExactly("1:-", "2:-", "3:-", "4:REVIEW_HOLD", "5:REVIEW_HOLD", "6:REVIEW_HOLD");
        assertThat(jdbc.sql("SELECT act FROM course_event WHERE course_id = ?").param(course).query(String.class).list())
                .containsExactly("HOLD_FOR_REVIEW");
    }

    @Test
    @DisplayName("a note is signed only when complete (every missing field named, 400), and only with the fields "
            + "its program records: no route for prostate massage, no sample for gynecological massage")
    void completenessAndApplicability() throws Exception {
        long prostate = fixtures.course("PROSTATE_MASSAGE", "Nepolnov", 8, 640).get(0);
        int noteId = JsonPath.read(saveDraft(prostate, "{\"findings\":\"Started\",\"sampleTaken\":true}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(post("/api/notes/{id}/sign", noteId).with(urologist()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("durationMinutes", "position", "painDuring",
                        "painAfter", "sampleLabel", "trend")));
        assertThat(jdbc.sql("SELECT status FROM session_note WHERE id = ?").param(noteId).query(String.class).single())
                .isEqualTo("DRAFT");
        mvc.perform(put("/api/notes/{id}", noteId).with(urologist()).contentType(MediaType.APPLICATION_JSON)
                        .content(completeNote("\"route\":\"RECTAL\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("route"));
        mvc.perform(put("/api/notes/{id}", noteId).with(urologist()).contentType(MediaType.APPLICATION_JSON)
                        .content(completeNote("\"painAfter\":11").replace("\"painAfter\":0,", "")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("painAfter"));

        long gynecological = fixtures.course("GYNECOLOGICAL_MASSAGE", "Nepolnova", 6, 650).get(0);
        mvc.perform(post("/api/sessions/{id}/notes", gynecological).with(gynecologist())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(completeNote("\"route\":\"VAGINAL\",\"sampleTaken\":true,\"sampleLabel\":\"L1\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sampleTaken"));
        mvc.perform(get("/api/sessions/{id}/notes", gynecological).with(gynecologist()))
                .andExpect(status().isNotFound());
    }

    @Test
    @DisplayName("\"None\" as adverse events without a yes, and gynecological pain 2 of 10, hold nothing; pain 4 of 10 "
            + "(the program's threshold) holds the course and the sign answer says why")
    void holdsOnlyForAYesOrPainAtTheProgramsThreshold() throws Exception {
        List<Long> sessions = fixtures.course("GYNECOLOGICAL_MASSAGE", "Porogova", 6, 640);
        long course = fixtures.courseOf(sessions.get(0));
        fixtures.markAttended(sessions.get(0));
        fixtures.markAttended(sessions.get(1));

        String quiet = signNote(sessions.get(0), completeNote("\"route\":\"VAGINAL\",\"painAfter\":2,"
                + "\"adverseEvents\":\"None\"").replace("\"painAfter\":0,", ""));
        assertThat(needsReview(course)).isFalse();
        assertThat(JsonPath.<Object>read(quiet, "$.heldForReview")).isNull();

        String held = signNote(sessions.get(1), completeNote("\"route\":\"VAGINAL\",\"painDuring\":4")
                .replace("\"painDuring\":0,", ""));
        assertThat(needsReview(course)).isTrue();
        assertThat(JsonPath.<String>read(held, "$.heldForReview")).contains("4/10").contains("session 2");
    }

    @Test
    @DisplayName("an adverse event marked yes holds a course of any program, with its description as the reason")
    void adverseEventYesHolds() throws Exception {
        List<Long> sessions = fixtures.course("GYNECOLOGICAL_MASSAGE", "Sobytieva", 6, 645);
        long course = fixtures.courseOf(sessions.get(0));
        fixtures.markAttended(sessions.get(0));
        String held = signNote(sessions.get(0), completeNote("\"route\":\"VAGINAL\",\"adverseEvent\":true,"
                + "\"adverseEvents\":\"Dizziness, nausea\""));
        assertThat(needsReview(course)).isTrue();
        assertThat(JsonPath.<String>read(held, "$.heldForReview")).contains("Dizziness, nausea");
        assertThat(JsonPath.<Boolean>read(held, "$.adverseEvent")).isTrue();
    }

    private String signNote(long session, String body) throws Exception {
        String created = mvc.perform(post("/api/sessions/{id}/notes", session).with(gynecologist())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return mvc.perform(post("/api/notes/{id}/sign", JsonPath.<Integer>read(created, "$.id")).with(gynecologist()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private boolean needsReview(long course) {
        return jdbc.sql("SELECT needs_review FROM course WHERE id = ?").param(course).query(Boolean.class).single();
    }

    private ResultActions saveDraft(long session, String body) throws Exception {
        return mvc.perform(post("/api/sessions/{id}/notes", session).with(urologist())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor urologist() {
        return httpBasic("urologist", "demo");
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor gynecologist() {
        return httpBasic("gynecologist", "demo");
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor reception() {
        return httpBasic("reception", "demo");
    }
}
