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
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Forms the domain refuses after the redirect (course acts on the chart, moving a session, a period's date): the page
 * the refusal returns to shows the reason and, in the form, what was typed, not the value it started with.
 */
@IntegrationTest
class RefusedFormsKeepTypingTest {

    private static final RequestPostProcessor CLINICIAN = user("urologist").roles("CLINICIAN");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("a refused change of a course's session count comes back to the chart with the count typed")
    void resizeKeepsTheCount() throws Exception {
        List<Long> sessions = new NoteFixtures(jdbc).course("PROSTATE_MASSAGE", "Razmerov", 8, 2);
        long course = new NoteFixtures(jdbc).courseOf(sessions.get(0));
        String chart = followed(post("/courses/{id}/resize", course).param("sessions", "97"));
        assertThat(chart).containsPattern("id=\"resize-" + course + "\"[^>]*value=\"97\"|value=\"97\"[^>]*id=\"resize-"
                + course + "\"");
    }

    @Test
    @DisplayName("a refused move comes back to the session with the date and time typed, and 'all later' as ticked")
    void moveKeepsTheTime() throws Exception {
        List<Long> sessions = new NoteFixtures(jdbc).course("PROSTATE_MASSAGE", "Perenosov", 6, 2);
        LocalDate fourth = LocalDate.now(ZoneId.of("Europe/Moscow")).minusDays(2).plusDays(6);
        String typed = fourth + "T10:10"; // onto the patient's own fourth session
        String page = followed(post("/sessions/{id}/move", sessions.get(2)).param("startsAt", typed)
                .param("andLater", "true").param("confirmed", "true"));
        assertThat(page).contains("alert").contains("value=\"" + typed + "\"");
        assertThat(page).containsPattern("id=\"andLater\"[^>]*checked");
    }

    @Test
    @DisplayName("moving a session with all later ones asks first, saying how many later sessions move; nothing moves "
            + "until confirmed")
    void moveWithLaterAsksFirst() throws Exception {
        List<Long> sessions = new NoteFixtures(jdbc).course("PROSTATE_MASSAGE", "Sdvigov", 6, 2);
        LocalDate third = LocalDate.now(ZoneId.of("Europe/Moscow")).minusDays(2).plusDays(4);
        String before = startsAt(sessions.get(3));
        String asked = followed(post("/sessions/{id}/move", sessions.get(2)).param("startsAt", third + "T12:00")
                .param("andLater", "true"));
        assertThat(asked).contains("id=\"confirm-move\"").contains("the 3 later booked sessions")
                .contains(third + " 12:00");
        assertThat(startsAt(sessions.get(3))).isEqualTo(before);
        String moved = followed(post("/sessions/{id}/move", sessions.get(2)).param("startsAt", third + "T12:00")
                .param("andLater", "true").param("confirmed", "true"));
        // confirmed, the move goes to the rules (which refuse this fixture's unqualified practitioner), not asked again
        assertThat(moved).doesNotContain("id=\"confirm-move\"").contains("The safety rules refuse the new date");
    }

    private String startsAt(long session) {
        return jdbc.sql("SELECT starts_at::text FROM course_session WHERE id = ?").param(session).query(String.class)
                .single();
    }

    @Test
    @DisplayName("stopping asks first, saying how many booked sessions it cancels and keeping the reason typed; "
            + "only the confirmation stops the course")
    void stopAsksFirst() throws Exception {
        List<Long> sessions = new NoteFixtures(jdbc).course("PROSTATE_MASSAGE", "Ostanovov", 8, 2);
        long course = new NoteFixtures(jdbc).courseOf(sessions.get(0));
        new NoteFixtures(jdbc).markAttended(sessions.get(0));
        String asked = followed(post("/courses/{id}/pause", course).param("act", "stop")
                .param("reason", "Moved to another city"));
        assertThat(asked).contains("id=\"confirm-stop-" + course + "\"").contains("Its 7 booked sessions are cancelled")
                .contains("Moved to another city");
        assertThat(status(course)).isEqualTo("ACTIVE");
        followed(post("/courses/{id}/pause", course).param("act", "stop").param("reason", "Moved to another city")
                .param("confirmed", "true"));
        assertThat(status(course)).isEqualTo("STOPPED");
    }

    private String status(long course) {
        return jdbc.sql("SELECT status FROM course WHERE id = ?").param(course).query(String.class).single();
    }

    /** Posts as the browser does and follows the redirects with their flash, as the browser's next GETs would. */
    private String followed(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        MvcResult result = mvc.perform(request.with(CLINICIAN).with(csrf())).andReturn();
        for (int hops = 0; result.getResponse().getRedirectedUrl() != null && hops < 3; hops++) {
            result = mvc.perform(get(result.getResponse().getRedirectedUrl()).with(CLINICIAN)
                    .flashAttrs(result.getFlashMap())).andReturn();
        }
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }
}
