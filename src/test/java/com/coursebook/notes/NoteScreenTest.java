package com.coursebook.notes;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.coursebook.support.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The note screen, rendered by the whole application against the real database. */
@IntegrationTest
class NoteScreenTest {

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
    @DisplayName("the form shows the previous session's signed note beside it and starts the new draft from its "
            + "position, technique and duration, but not from its pain or findings")
    void previousNoteBesideAndCarriedOver() throws Exception {
        List<Long> sessions = fixtures.course("PROSTATE_MASSAGE", "Predydushchev", 8, 660);
        String created = mvc.perform(post("/api/sessions/{id}/notes", sessions.get(0)).with(httpBasic("urologist", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"durationMinutes\":2,\"position\":\"KNEE_ELBOW\",\"technique\":\"Stroking, light pressure\","
                                + "\"painDuring\":3,\"painAfter\":1,\"findings\":\"Gland enlarged and tender\",\"trend\":\"SAME\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        mvc.perform(post("/api/notes/{id}/sign", JsonPath.<Integer>read(created, "$.id")).with(httpBasic("urologist", "demo")))
                .andExpect(status().isOk());

        String page = mvc.perform(get("/sessions/{id}/note", sessions.get(1)).with(clinician()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Previous note (session 1)")))
                .andExpect(content().string(containsString("carried over from session 1")))
                .andReturn().getResponse().getContentAsString();
        assertThat(section(page, "id=\"previous-note\"", "</aside>")).contains("Gland enlarged and tender").contains("Knee-elbow")
                .contains("3/10");
        String form = section(page, "note-form\"", "</form>");
        assertThat(form).contains("value=\"Stroking, light pressure\"").contains("value=\"2\"")
                .containsPattern("<option value=\"KNEE_ELBOW\" selected=\"selected\"")
                .containsPattern("name=\"painDuring\" value=\"\"").containsPattern("name=\"painAfter\" value=\"\"")
                .doesNotContain("Gland enlarged and tender");
        // Nothing is stored until the clinician saves.
        assertThat(jdbc.sql("SELECT count(*) FROM session_note WHERE session_id = ?").param(sessions.get(1))
                .query(Long.class).single()).isZero();
    }

    @Test
    @DisplayName("signing a note with pain 5/10 during a gynecological massage says on the screen that the course "
            + "is held for review, and why")
    void signingThatHoldsSaysSo() throws Exception {
        List<Long> sessions = fixtures.course("GYNECOLOGICAL_MASSAGE", "Uvedomlena", 6, 675);
        fixtures.markAttended(sessions.get(0));
        var signed = mvc.perform(post("/sessions/{id}/note", sessions.get(0)).with(clinician()).with(csrf())
                        .param("action", "sign").param("durationMinutes", "5").param("position", "SUPINE")
                        .param("route", "VAGINAL").param("painDuring", "5").param("painAfter", "0")
                        .param("adverseEvent", "false").param("adverseEvents", "None").param("trend", "SAME"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("message", "note.signedNow"))
                .andReturn();
        Object held = signed.getFlashMap().get("heldForReview");
        assertThat(held).isNotNull();
        String page = mvc.perform(get("/sessions/{id}/note", sessions.get(0)).with(clinician())
                        .flashAttrs(signed.getFlashMap()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Signing this note held the course for review (Pain 5/10 during session 1).");
        assertThat(jdbc.sql("SELECT adverse_event::text || ':' || coalesce(adverse_events, '-') FROM session_note "
                + "WHERE session_id = ?").param(sessions.get(0)).query(String.class).single()).isEqualTo("false:-");
    }

    @Test
    @DisplayName("a value out of range shows the form again with the message at the field and everything typed kept")
    void validationErrorKeepsTypedValues() throws Exception {
        long session = fixtures.course("GYNECOLOGICAL_MASSAGE", "Vvodova", 6, 670).get(0);
        mvc.perform(post("/sessions/{id}/note", session).with(clinician()).with(csrf())
                        .param("action", "draft").param("durationMinutes", "7").param("position", "SUPINE")
                        .param("route", "VAGINAL").param("technique", "Bimanual, slow").param("painAfter", "11")
                        .param("findings", "Uterus retroflexed, mobile"))
                .andExpect(status().isOk())
                .andExpect(view().name("notes/note"))
                .andExpect(model().attributeHasFieldErrors("noteForm", "painAfter"))
                .andExpect(content().string(containsString("Enter pain from 0 (none) to 10 (worst).")))
                .andExpect(content().string(containsString("value=\"Bimanual, slow\"")))
                .andExpect(content().string(containsString("value=\"11\"")))
                .andExpect(content().string(containsString(">Uterus retroflexed, mobile</textarea>")))
                .andExpect(content().string(containsString("<option value=\"VAGINAL\" selected=\"selected\"")));
        assertThat(jdbc.sql("SELECT count(*) FROM session_note WHERE session_id = ?").param(session)
                .query(Long.class).single()).isZero();
    }

    @Test
    @DisplayName("signing an incomplete note marks every missing field and keeps what was typed, saved as a draft")
    void incompleteSignatureKeepsTheDraft() throws Exception {
        long session = fixtures.course("GYNECOLOGICAL_MASSAGE", "Chernovikova", 6, 680).get(0);
        mvc.perform(post("/sessions/{id}/note", session).with(clinician()).with(csrf())
                        .param("action", "sign").param("findings", "Adhesions on the left").param("durationMinutes", "5"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("noteForm", "position", "route", "painDuring", "painAfter",
                        "trend"))
                .andExpect(content().string(containsString("What you typed is saved as a draft.")))
                .andExpect(content().string(containsString("Choose the route.")))
                .andExpect(content().string(containsString(">Adhesions on the left</textarea>")));
        assertThat(jdbc.sql("SELECT status || ':' || findings FROM session_note WHERE session_id = ?").param(session)
                .query(String.class).single()).isEqualTo("DRAFT:Adhesions on the left");

        // The form now carries the saved draft's version, so finishing it from here works.
        String page = mvc.perform(get("/sessions/{id}/note", session).with(clinician()))
                .andReturn().getResponse().getContentAsString();
        Matcher version = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page);
        assertThat(version.find()).isTrue();
        mvc.perform(post("/sessions/{id}/note", session).with(clinician()).with(csrf())
                        .param("action", "sign").param("version", version.group(1)).param("durationMinutes", "5")
                        .param("position", "SUPINE").param("route", "VAGINAL").param("painDuring", "0")
                        .param("painAfter", "0").param("trend", "BETTER").param("findings", "Adhesions on the left"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/sessions/" + session + "/note"))
                .andExpect(flash().attribute("message", "note.signedNow"));
    }

    @Test
    @DisplayName("a signed note is shown read-only with a form for amendments; an amendment appears beside it "
            + "and the note is unchanged")
    void signedNoteReadOnlyWithAmendments() throws Exception {
        long session = fixtures.course("PROSTATE_MASSAGE", "Popravkin", 8, 690).get(0);
        mvc.perform(post("/sessions/{id}/note", session).with(clinician()).with(csrf())
                        .param("action", "sign").param("durationMinutes", "2").param("position", "SIDE_LYING")
                        .param("painDuring", "1").param("painAfter", "0").param("trend", "BETTER")
                        .param("sampleTaken", "true").param("sampleLabel", "PS-0042").param("findings", "Soft, painless"))
                .andExpect(redirectedUrl("/sessions/" + session + "/note"));
        mvc.perform(post("/sessions/{id}/note/amendments", session).with(clinician()).with(csrf())
                        .param("reason", "").param("text", "x"))
                .andExpect(redirectedUrl("/sessions/" + session + "/note#amendment-form"))
                .andExpect(flash().attributeExists("amendmentForm"));
        mvc.perform(post("/sessions/{id}/note/amendments", session).with(clinician()).with(csrf())
                        .param("reason", "Label misread").param("text", "The sample label is PS-0024"))
                .andExpect(redirectedUrl("/sessions/" + session + "/note#amendments"));

        String page = mvc.perform(get("/sessions/{id}/note", session).with(clinician()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"sign-note\""))))
                .andReturn().getResponse().getContentAsString();
        assertThat(section(page, "id=\"signed-note\"", "</dl>")).contains("Yes, label PS-0042").contains("Lying on the side")
                .contains("Soft, painless");
        assertThat(section(page, "id=\"amendments\"", "</ol>")).contains("Label misread").contains("The sample label is PS-0024")
                .contains("Dr Pyotr Urvantsev"); // the author by name, not by login

        mvc.perform(post("/sessions/{id}/note", session).with(clinician()).with(csrf())
                        .param("action", "draft").param("findings", "Overwritten"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is signed and cannot be changed; add an amendment")));
    }

    @Test
    @DisplayName("the form shows the route for gynecological massage and the sample for prostate massage, "
            + "each only there")
    void fieldsFollowTheProgram() throws Exception {
        long gynecological = fixtures.course("GYNECOLOGICAL_MASSAGE", "Marshrutova", 6, 700).get(0);
        long prostate = fixtures.course("PROSTATE_MASSAGE", "Probin", 8, 710).get(0);
        mvc.perform(get("/sessions/{id}/note", gynecological).with(clinician()))
                .andExpect(content().string(containsString("id=\"route\"")))
                .andExpect(content().string(not(containsString("id=\"sampleLabel\""))));
        mvc.perform(get("/sessions/{id}/note", prostate).with(clinician()))
                .andExpect(content().string(not(containsString("id=\"route\""))))
                .andExpect(content().string(containsString("id=\"sampleLabel\"")));
    }

    @Test
    @DisplayName("a receptionist cannot open the note screen (403) and sees no link to it on the session page")
    void receptionistKeptOut() throws Exception {
        long session = fixtures.course("PROSTATE_MASSAGE", "Priyomov", 8, 720).get(0);
        mvc.perform(get("/sessions/{id}/note", session).with(user("reception").roles("RECEPTIONIST")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/sessions/{id}/note", session).with(user("reception").roles("RECEPTIONIST")).with(csrf())
                        .param("findings", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/sessions/{id}", session).with(user("reception").roles("RECEPTIONIST")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("session-note-link"))));
        mvc.perform(get("/sessions/{id}", session).with(clinician()))
                .andExpect(content().string(containsString("href=\"/sessions/" + session + "/note\"")));
    }

    private static RequestPostProcessor clinician() {
        return user("urologist").roles("CLINICIAN");
    }

    /** The page from a marker (an id or class) to the end tag that closes that part: enough to tell columns apart. */
    private static String section(String page, String marker, String endTag) {
        int start = page.indexOf(marker);
        assertThat(start).as(marker + " on the page").isNotNegative();
        int stop = page.indexOf(endTag, start);
        return page.substring(start, stop < 0 ? page.length() : stop);
    }
}
