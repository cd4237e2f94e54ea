package com.coursebook.course;

import java.time.LocalDate;
import java.util.List;

import com.coursebook.support.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static com.coursebook.course.CourseRulesApiTest.TODAY;
import static com.coursebook.course.CourseRulesApiTest.course;
import static com.coursebook.course.CourseRulesApiTest.monday;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Check-in, attendance and the named acts on a course, through the API against the real database. */
@IntegrationTest
class CourseLifecycleApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CourseLifecycle lifecycle;

    @Test
    @DisplayName("check-in re-runs the rules for today: a missing examination and a fever recorded this morning "
            + "each stop the session, and it goes ahead once they are dealt with")
    void checkInRerunsRules() throws Exception {
        Booked booked = bookWithFirstSessionToday("Prikhodov", 1);
        mvc.perform(post("/api/sessions/{id}/check-in", booked.sessions.get(0)).with(httpBasic("urologist", "demo")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.findings[*].rule", hasItem("EXAMINATION")));
        examine(booked.patient);
        String fever = mvc.perform(post("/api/patients/{id}/conditions", booked.patient)
                        .with(httpBasic("urologist", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"FEVER\",\"onset\":\"" + TODAY + "\",\"expectedEnd\":\"" + TODAY.plusDays(2) + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        mvc.perform(post("/api/sessions/{id}/check-in", booked.sessions.get(0)).with(httpBasic("reception", "demo")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.findings[*].rule", everyItem(is("CONTRAINDICATION"))))
                .andExpect(jsonPath("$.findings[0].detail").doesNotExist());
        mvc.perform(post("/api/patients/{p}/conditions/{c}/resolve", booked.patient,
                        ((Number) JsonPath.read(fever, "$.id")).longValue()).with(httpBasic("urologist", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"resolvedOn\":\"" + TODAY + "\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/sessions/{id}/check-in", booked.sessions.get(0)).with(httpBasic("reception", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sessions[0].status").value("CHECKED_IN"));
        begin(booked.sessions.get(0)); // the patient came early; the session's time comes
        mvc.perform(post("/api/sessions/{id}/attendance", booked.sessions.get(0)).with(httpBasic("urologist", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"ATTENDED\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sessions[0].status").value("ATTENDED"))
                .andExpect(jsonPath("$.status").value("ACTIVE"));
    }

    @Test
    @DisplayName("a relative contraindication recorded after booking stops today's check-in until a clinician "
            + "confirms it once for the course with a reason; then reception checks the patient in")
    void checkInAfterConfirmingALateWarning() throws Exception {
        Booked booked = bookWithFirstSessionToday("Pozdnyakov", 11);
        examine(booked.patient);
        mvc.perform(post("/api/patients/{id}/conditions", booked.patient).with(httpBasic("urologist", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"PROSTATE_ADENOMA\",\"onset\":\"" + TODAY.minusYears(1) + "\"}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/sessions/{id}/check-in", booked.sessions.get(0)).with(httpBasic("reception", "demo")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.findings[?(@.rule == 'CONTRAINDICATION')].severity", hasItem("WARN")));
        mvc.perform(post("/api/courses/{id}/overrides", booked.course).with(httpBasic("urologist", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"key\":\"CONTRAINDICATION:PROSTATE_ADENOMA\",\"reason\":\"Mild BPH, "
                                + "reviewed; no retention.\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/sessions/{id}/check-in", booked.sessions.get(0)).with(httpBasic("reception", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sessions[0].status").value("CHECKED_IN"));
        assertThat(jdbc.sql("SELECT count(*) FROM rule_override WHERE course_id = ?").param(booked.course)
                .query(Integer.class).single()).as("confirmed once for the course").isEqualTo(1);
    }

    @Test
    @DisplayName("three consecutive no-shows mark the course abandoned and release its remaining sessions")
    void abandonedAfterThreeNoShows() throws Exception {
        Booked booked = bookWithFirstSessionToday("Neyavkin", 2);
        examine(booked.patient);
        // sessions 1-3 took place in the last days (moved into the past directly, as time would have done)
        jdbc.sql("UPDATE course_session SET starts_at = now() - make_interval(days => 8 - seq_no * 2, hours => 3), "
                + "ends_at = now() - make_interval(days => 8 - seq_no * 2, hours => 3) + interval '30 minutes' "
                + "WHERE course_id = ? AND seq_no <= 3").param(booked.course).update();
        attendance(booked.sessions.get(0), "NO_SHOW").andExpect(jsonPath("$.status").value("PLANNED"));
        assertThat(atRisk()).as("one no-show is not yet a warning").doesNotContain(booked.course);
        attendance(booked.sessions.get(1), "NO_SHOW").andExpect(jsonPath("$.status").value("PLANNED"));
        // Two in a row: the admin's worklist shows the course, one no-show away from being abandoned.
        assertThat(atRisk()).contains(booked.course);
        mvc.perform(get("/api/reports/about-to-be-abandoned").with(httpBasic("admin", "demo")))
                .andExpect(jsonPath("$[?(@.courseId == " + booked.course + ")].noShowsInRow").value(2))
                .andExpect(jsonPath("$[?(@.courseId == " + booked.course + ")].nextSession").isNotEmpty());
        mvc.perform(get("/review").with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.user("admin").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("data-course=\"" + booked.course + "\"")));
        mvc.perform(get("/api/reports/about-to-be-abandoned").with(httpBasic("reception", "demo")))
                .andExpect(status().isForbidden());
        attendance(booked.sessions.get(2), "NO_SHOW")
                .andExpect(jsonPath("$.status").value("ABANDONED"))
                .andExpect(jsonPath("$.sessions[3].status").value("CANCELLED_BY_CLINIC"))
                .andExpect(jsonPath("$.sessions[7].status").value("CANCELLED_BY_CLINIC"));
        assertThat(atRisk()).as("abandoned now, no longer about to be").doesNotContain(booked.course);
        assertThat(jdbc.sql("SELECT act FROM course_event WHERE course_id = ?").param(booked.course)
                .query(String.class).list()).contains("ABANDONED");
    }

    @Test
    @DisplayName("an attended session ends the run of no-shows: the course leaves the admin's worklist")
    void attendanceEndsTheRun() throws Exception {
        Booked booked = bookWithFirstSessionToday("Vernulsyaev", 3);
        examine(booked.patient);
        // Sessions 1 and 2 took place in the last days; session 3 began minutes ago, so it can be attended now.
        jdbc.sql("UPDATE course_session SET starts_at = now() - make_interval(days => 6 - seq_no * 2, hours => 3), "
                + "ends_at = now() - make_interval(days => 6 - seq_no * 2, hours => 3) + interval '30 minutes' "
                + "WHERE course_id = ? AND seq_no <= 2").param(booked.course).update();
        jdbc.sql("UPDATE course_session SET starts_at = now() - interval '3 minutes', "
                + "ends_at = now() + interval '27 minutes', room_id = NULL WHERE course_id = ? AND seq_no = 3")
                .param(booked.course).update();
        attendance(booked.sessions.get(0), "NO_SHOW");
        attendance(booked.sessions.get(1), "NO_SHOW");
        assertThat(atRisk()).contains(booked.course);
        attendance(booked.sessions.get(2), "ATTENDED").andExpect(jsonPath("$.status").value("ACTIVE"));
        assertThat(atRisk()).doesNotContain(booked.course);
    }

    @Test
    @DisplayName("a session whose day passed while the course was held is on reception's list once the hold is lifted, "
            + "until someone records what became of it")
    void sessionPassedWhileHeld() throws Exception {
        Booked booked = bookWithFirstSessionToday("Zaderzhkin", 4);
        lifecycle.holdForReview(booked.course, "Pain 6/10 after the last session");
        // Session 1 was yesterday, while the course was held: check-in would have refused it, so it is still booked.
        jdbc.sql("UPDATE course_session SET starts_at = now() - interval '1 day 1 hour', "
                + "ends_at = now() - interval '1 day 30 minutes' WHERE course_id = ? AND seq_no = 1")
                .param(booked.course).update();
        mvc.perform(post("/api/courses/{id}/review", booked.course).with(httpBasic("urologist", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Seen; continue gently\"}"))
                .andExpect(status().isOk());
        assertThat(pastBooked()).contains(booked.sessions.get(0)).doesNotContain(booked.sessions.get(1));
        mvc.perform(get("/worklist").with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.user("reception").roles("RECEPTIONIST")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("/sessions/" + booked.sessions.get(0) + "\"")));
        attendance(booked.sessions.get(0), "NO_SHOW");
        assertThat(pastBooked()).doesNotContain(booked.sessions.get(0));
    }

    @Test
    @DisplayName("leave recorded over booked sessions flags them for reception to rebook, and removing it lifts the "
            + "flags; a closure of the sessions' location does the same")
    void leaveAndClosureFlagBookedSessions() throws Exception {
        Booked booked = bookWithFirstSessionToday("Otpuskov", 5);
        long practitioner = jdbc.sql("SELECT practitioner_id FROM course WHERE id = ?").param(booked.course)
                .query(Long.class).single();
        long location = jdbc.sql("INSERT INTO location (name) VALUES (?) RETURNING id")
                .param("Leave clinic " + System.nanoTime()).query(Long.class).single();
        jdbc.sql("UPDATE practitioner SET location_id = ? WHERE id = ?").params(location, practitioner).update();
        jdbc.sql("UPDATE course_session SET room_id = NULL WHERE course_id = ?").param(booked.course).update();
        LocalDate second = sessionDate(booked.sessions.get(1));
        LocalDate third = sessionDate(booked.sessions.get(2));
        var admin = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user("admin").roles("ADMIN");
        var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();

        mvc.perform(post("/admin/scheduling/practitioners/{id}/absences", practitioner).with(admin).with(csrf)
                        .param("startsOn", second.toString()).param("endsOn", second.toString())
                        .param("reason", "Conference"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/courses/{id}", booked.course).with(httpBasic("reception", "demo")))
                .andExpect(jsonPath("$.sessions[1].needsAttention").value(true))
                .andExpect(jsonPath("$.sessions[1].attentionRule").value("PRACTITIONER_ABSENT"))
                .andExpect(jsonPath("$.sessions[1].status").value("BOOKED"))
                .andExpect(jsonPath("$.sessions[?(@.needsAttention == true)]", hasSize(1)));
        mvc.perform(get("/api/worklist/attention").with(httpBasic("reception", "demo")))
                .andExpect(jsonPath("$[?(@.sessionId == " + booked.sessions.get(1) + ")].rule")
                        .value("PRACTITIONER_ABSENT"));
        mvc.perform(get("/patients/{id}", booked.patient).with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.user("reception").roles("RECEPTIONIST")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("The practitioner is away that day")));

        long absence = jdbc.sql("SELECT id FROM practitioner_absence WHERE practitioner_id = ?").param(practitioner)
                .query(Long.class).single();
        mvc.perform(post("/admin/scheduling/practitioners/{id}/absences/{a}/remove", practitioner, absence)
                        .with(admin).with(csrf))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/courses/{id}", booked.course).with(httpBasic("reception", "demo")))
                .andExpect(jsonPath("$.sessions[*].needsAttention", everyItem(is(false))));

        mvc.perform(post("/admin/scheduling/closures").with(admin).with(csrf)
                        .param("closedOn", third.toString()).param("locationId", String.valueOf(location))
                        .param("reason", "Repairs"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/courses/{id}", booked.course).with(httpBasic("reception", "demo")))
                .andExpect(jsonPath("$.sessions[2].attentionRule").value("CLINIC_CLOSED"))
                .andExpect(jsonPath("$.sessions[?(@.needsAttention == true)]", hasSize(1)));
        long closure = jdbc.sql("SELECT id FROM clinic_closure WHERE location_id = ?").param(location)
                .query(Long.class).single();
        mvc.perform(post("/admin/scheduling/closures/{id}/remove", closure).with(admin).with(csrf))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/courses/{id}", booked.course).with(httpBasic("reception", "demo")))
                .andExpect(jsonPath("$.sessions[*].needsAttention", everyItem(is(false))));
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE entity_type = 'SESSION' AND entity_id IN (?, ?) "
                        + "AND action IN ('FLAG', 'UNFLAG') ORDER BY id")
                .params(booked.sessions.get(1), booked.sessions.get(2)).query(String.class).list())
                .containsExactly("FLAG", "UNFLAG", "FLAG", "UNFLAG");
    }

    private LocalDate sessionDate(long session) {
        return jdbc.sql("SELECT (starts_at AT TIME ZONE 'Europe/Moscow')::date FROM course_session WHERE id = ?")
                .param(session).query(LocalDate.class).single();
    }

    private List<Long> pastBooked() throws Exception {
        String json = mvc.perform(get("/api/worklist/past-booked").with(httpBasic("reception", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Number> ids = JsonPath.read(json, "$[*].sessionId");
        return ids.stream().map(Number::longValue).toList();
    }

    private List<Long> atRisk() throws Exception {
        String json = mvc.perform(get("/api/reports/about-to-be-abandoned").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Number> ids = JsonPath.read(json, "$[*].courseId");
        return ids.stream().map(Number::longValue).toList();
    }

    @Test
    @DisplayName("a no-show leaves a gap on reception's worklist; booking a replacement fills it, and only once")
    void noShowGapIsRebooked() throws Exception {
        Booked booked = bookWithFirstSessionToday("Propuskov", 7);
        jdbc.sql("UPDATE course_session SET starts_at = now() - interval '1 day 2 hours', "
                + "ends_at = now() - interval '1 day 1 hour 30 minutes' WHERE course_id = ? AND seq_no = 1")
                .param(booked.course).update();
        attendance(booked.sessions.get(0), "NO_SHOW");
        mvc.perform(get("/worklist").with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.user("reception").roles("RECEPTIONIST")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("Propuskov")));
        String lastStart = jdbc.sql("SELECT to_char(max(starts_at) AT TIME ZONE 'Europe/Moscow', 'YYYY-MM-DD') "
                + "FROM course_session WHERE course_id = ?").param(booked.course).query(String.class).single();
        String replacement = LocalDate.parse(lastStart).plusDays(2) + "T15:00";
        mvc.perform(post("/api/courses/{id}/sessions", booked.course).with(httpBasic("reception", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"startsAt\":\"" + replacement + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.sessions", hasSize(9)))
                .andExpect(jsonPath("$.sessions[8].status").value("BOOKED"));
        mvc.perform(post("/api/courses/{id}/sessions", booked.course).with(httpBasic("reception", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"startsAt\":\"" + replacement.replace("T15", "T17") + "\"}"))
                .andExpect(status().isConflict());
    }

    @Test
    @DisplayName("a no-show cannot be recorded before the session's time; an attended session in between resets the count")
    void noShowRules() throws Exception {
        Booked booked = bookWithFirstSessionToday("Rannii", 3);
        mvc.perform(post("/api/sessions/{id}/attendance", booked.sessions.get(1)).with(httpBasic("reception", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"NO_SHOW\"}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/sessions/{id}/attendance", booked.sessions.get(1)).with(httpBasic("reception", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"MAYBE\"}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    @DisplayName("attended cannot be recorded before the session has begun, just as a no-show cannot")
    void attendedNotBeforeTheSession() throws Exception {
        Booked booked = bookWithFirstSessionToday("Zaraneev", 8);
        examine(booked.patient);
        for (String outcome : List.of("ATTENDED", "NO_SHOW")) {
            // today, minutes from now
            mvc.perform(post("/api/sessions/{id}/attendance", booked.sessions.get(0)).with(httpBasic("urologist", "demo"))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"" + outcome + "\"}"))
                    .andExpect(status().isConflict());
        }
        assertThat(statusOf(booked.sessions.get(0))).isEqualTo("BOOKED");
        begin(booked.sessions.get(0));
        attendance(booked.sessions.get(0), "ATTENDED").andExpect(jsonPath("$.sessions[0].status").value("ATTENDED"));
    }

    @Test
    @DisplayName("on the session page, cancelling asks first, and a cancelled session offers to book its replacement")
    void cancelAsksAndRebooks() throws Exception {
        Booked booked = bookWithFirstSessionToday("Otmenyaev", 9);
        long session = booked.sessions.get(2);
        var reception = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user("reception").roles("RECEPTIONIST");
        var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
        mvc.perform(post("/sessions/{id}/cancel", session).param("byClinic", "false").with(reception).with(csrf))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .redirectedUrl("/sessions/" + session + "?cancel=patient"));
        assertThat(statusOf(session)).as("not cancelled without a yes").isEqualTo("BOOKED");
        String asking = mvc.perform(get("/sessions/{id}", session).param("cancel", "patient").with(reception))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(asking).contains("id=\"confirm-cancel\"").contains("name=\"confirmed\" value=\"true\"")
                .contains("Keep the session");
        mvc.perform(post("/sessions/{id}/cancel", session).param("byClinic", "false").param("confirmed", "true")
                        .with(reception).with(csrf))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .redirectedUrl("/sessions/" + session));
        assertThat(statusOf(session)).isEqualTo("CANCELLED_EARLY");

        String cancelled = mvc.perform(get("/sessions/{id}", session).with(reception)).andReturn().getResponse()
                .getContentAsString();
        assertThat(cancelled).contains("action=\"/sessions/" + session + "/replacement\"");
        String last = jdbc.sql("SELECT to_char(max(starts_at) AT TIME ZONE 'Europe/Moscow', 'YYYY-MM-DD\"T\"HH24:MI') "
                + "FROM course_session WHERE course_id = ?").param(booked.course).query(String.class).single();
        LocalDate day = LocalDate.parse(last.substring(0, 10)).plusDays(2);
        day = day.getDayOfWeek() == java.time.DayOfWeek.SUNDAY ? day.plusDays(1) : day;
        String replacement = day + last.substring(10);
        String target = mvc.perform(post("/sessions/{id}/replacement", session).param("startsAt", replacement)
                        .with(reception).with(csrf))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long added = jdbc.sql("SELECT id FROM course_session WHERE course_id = ? AND status = 'BOOKED' "
                + "AND to_char(starts_at AT TIME ZONE 'Europe/Moscow', 'YYYY-MM-DD\"T\"HH24:MI') = ?")
                .params(booked.course, replacement).query(Long.class).single();
        assertThat(target).isEqualTo("/sessions/" + added);
    }

    @Test
    @DisplayName("the chart tells a course as it stands: numbers within the prescription after a replacement, a paused "
            + "course with its reason and no next session, a stopped one with nothing to go; the calendar explains "
            + "the checked-in colour")
    void chartAsItStands() throws Exception {
        Booked booked = bookWithFirstSessionToday("Pauzov", 10);
        mvc.perform(post("/api/sessions/{id}/cancel", booked.sessions.get(3)).with(httpBasic("reception", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"byClinic\":true}")).andExpect(status().isOk());
        String last = jdbc.sql("SELECT to_char(max(starts_at) AT TIME ZONE 'Europe/Moscow', 'YYYY-MM-DD\"T\"HH24:MI') "
                + "FROM course_session WHERE course_id = ?").param(booked.course).query(String.class).single();
        LocalDate day = LocalDate.parse(last.substring(0, 10)).plusDays(2);
        day = day.getDayOfWeek() == java.time.DayOfWeek.SUNDAY ? day.plusDays(1) : day;
        String replaced = mvc.perform(post("/api/courses/{id}/sessions", booked.course).with(httpBasic("reception", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"startsAt\":\"" + day + last.substring(10) + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        List<Integer> numbers = JsonPath.read(replaced, "$.sessions[?(@.status != 'CANCELLED_BY_CLINIC')].number");
        assertThat(numbers).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
        // The chart numbers its list the same way: the cancelled session carries no number of its own.
        String chart = courses(mvc.perform(get("/patients/{id}", booked.patient).with(org.springframework.security.test
                .web.servlet.request.SecurityMockMvcRequestPostProcessors.user("urologist").roles("CLINICIAN")))
                .andReturn().getResponse().getContentAsString());
        assertThat(chart).contains("<li value=\"8\"").doesNotContain("<li value=\"9\"").contains("uncounted");

        var clinician = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user("urologist").roles("CLINICIAN");
        mvc.perform(post("/api/courses/{id}/pause", booked.course).with(httpBasic("urologist", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Away on a work trip\"}"))
                .andExpect(status().isOk());
        String paused = courses(mvc.perform(get("/patients/{id}", booked.patient).with(clinician)).andReturn()
                .getResponse().getContentAsString());
        assertThat(paused).contains("Away on a work trip").doesNotContain("Next:").doesNotContain(">Booked<");

        mvc.perform(post("/api/courses/{id}/resume", booked.course).with(httpBasic("urologist", "demo")))
                .andExpect(status().isOk());
        mvc.perform(post("/api/courses/{id}/stop", booked.course).with(httpBasic("urologist", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Symptoms worse\"}"))
                .andExpect(status().isOk());
        String stopped = courses(mvc.perform(get("/patients/{id}", booked.patient).with(clinician)).andReturn()
                .getResponse().getContentAsString());
        assertThat(stopped).contains("Symptoms worse").doesNotContain("to go");

        assertThat(mvc.perform(get("/calendar").with(clinician)).andReturn().getResponse().getContentAsString())
                .contains("legend entry-CHECKED_IN");
    }

    @Test
    @DisplayName("a period start recorded on the chart is the one the chart shows")
    void periodStartOnTheChart() throws Exception {
        long patient = jdbc.sql("INSERT INTO patient (given_name, family_name, birth_date, sex, last_period_start, "
                + "cycle_length_days, period_length_days) VALUES ('Test', 'Tsiklova', DATE '1990-01-01', 'FEMALE', ?, 28, 5) "
                + "RETURNING id").param(TODAY.minusDays(30)).query(Long.class).single();
        var reception = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user("reception").roles("RECEPTIONIST");
        mvc.perform(post("/patients/{id}/periods", patient).param("startsOn", TODAY.minusDays(2).toString())
                .with(reception).with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/patients/{id}", patient).with(org.springframework.security.test.web.servlet.request
                .SecurityMockMvcRequestPostProcessors.user("gynecologist").roles("CLINICIAN"))).andReturn().getResponse()
                .getContentAsString()).contains("Last period " + TODAY.minusDays(2)).doesNotContain(TODAY.minusDays(30).toString());
    }

    private static String courses(String chart) {
        int start = chart.indexOf("id=\"courses\"");
        return chart.substring(start, chart.indexOf("id=\"conditions\"", start));
    }

    /** Time passes: the session began a minute ago. */
    private void begin(long session) {
        jdbc.sql("UPDATE course_session SET starts_at = now() - interval '1 minute', ends_at = now() + interval "
                + "'29 minutes' WHERE id = ?").param(session).update();
    }

    private String statusOf(long session) {
        return jdbc.sql("SELECT status FROM course_session WHERE id = ?").param(session).query(String.class).single();
    }

    @Test
    @DisplayName("a clinician stops a course with a reason: its booked sessions are released; reception may not")
    void stop() throws Exception {
        Booked booked = bookWithFirstSessionToday("Stopov", 4);
        mvc.perform(post("/api/courses/{id}/stop", booked.course).with(httpBasic("reception", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"patient moved away\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/courses/{id}/stop", booked.course).with(httpBasic("urologist", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/courses/{id}/stop", booked.course).with(httpBasic("urologist", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Worse after session 1\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("STOPPED"))
                .andExpect(jsonPath("$.sessions[*].status", everyItem(is("CANCELLED_BY_CLINIC"))));
        mvc.perform(post("/api/courses/{id}/pause", booked.course).with(httpBasic("urologist", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"again\"}"))
                .andExpect(status().isConflict());
        // The act's event wrote the course's history and the audit trail, once each, with who did it.
        assertThat(jdbc.sql("SELECT act || '|' || reason || '|' || actor FROM course_event WHERE course_id = ? "
                + "AND act = 'STOPPED'").param(booked.course).query(String.class).list())
                .containsExactly("STOPPED|Worse after session 1|urologist");
        assertThat(jdbc.sql("SELECT action || '|' || details || '|' || actor FROM audit_event WHERE entity_type = "
                + "'COURSE' AND entity_id = ? AND action IN ('CREATE', 'STOPPED', 'PAUSED') ORDER BY id")
                .param(booked.course).query(String.class).list())
                .containsExactly("CREATE|PROSTATE_MASSAGE x8|reception", "STOPPED|Worse after session 1|urologist");
    }

    @Test
    @DisplayName("pause and resume; extend to 10 sessions and shorten to 9, within the program's range")
    void pauseResumeExtendShorten() throws Exception {
        Booked booked = bookWithFirstSessionToday("Dlinnov", 5);
        examine(booked.patient);
        mvc.perform(post("/api/courses/{id}/pause", booked.course).with(httpBasic("urologist", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"holiday\"}"))
                .andExpect(jsonPath("$.status").value("PAUSED"));
        mvc.perform(post("/api/sessions/{id}/check-in", booked.sessions.get(0)).with(httpBasic("reception", "demo")))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/courses/{id}/resume", booked.course).with(httpBasic("urologist", "demo")))
                .andExpect(jsonPath("$.status").value("PLANNED"));
        mvc.perform(post("/api/courses/{id}/extend", booked.course).with(httpBasic("urologist", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"sessions\":10}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.prescribedSessions").value(10))
                .andExpect(jsonPath("$.sessions", hasSize(10)))
                .andExpect(jsonPath("$.sessions[9].status").value("BOOKED"));
        mvc.perform(post("/api/courses/{id}/extend", booked.course).with(httpBasic("urologist", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"sessions\":9}"))
                .andExpect(jsonPath("$.prescribedSessions").value(9))
                .andExpect(jsonPath("$.sessions[9].status").value("CANCELLED_BY_CLINIC"));
        mvc.perform(post("/api/courses/{id}/extend", booked.course).with(httpBasic("urologist", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"sessions\":16}"))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("SELECT act FROM course_event WHERE course_id = ? ORDER BY id").param(booked.course)
                .query(String.class).list()).containsExactly("PAUSED", "RESUMED", "EXTENDED", "SHORTENED");
    }

    @Test
    @DisplayName("a course held for review refuses check-in until a clinician clears it; the clinician's day shows it")
    void reviewHold() throws Exception {
        Booked booked = bookWithFirstSessionToday("Peresmotrov", 6);
        examine(booked.patient);
        lifecycle.holdForReview(booked.course, "Pain 6/10 after session 3");
        assertThat(jdbc.sql("SELECT count(*) FROM course_session WHERE course_id = ? AND attention_rule = 'REVIEW_HOLD'")
                .param(booked.course).query(Long.class).single()).isEqualTo(8L);
        mvc.perform(post("/api/sessions/{id}/check-in", booked.sessions.get(0)).with(httpBasic("reception", "demo")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.findings[0].rule").value("REVIEW_HOLD"));
        mvc.perform(get("/api/clinicians/me/sessions").param("date", TODAY.toString())
                        .with(httpBasic("urologist", "demo")))
                .andExpect(status().isOk());
        mvc.perform(post("/api/courses/{id}/review", booked.course).with(httpBasic("urologist", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Examined; technique softened\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sessions[*].needsAttention", everyItem(is(false))));
        mvc.perform(post("/api/sessions/{id}/check-in", booked.sessions.get(0)).with(httpBasic("reception", "demo")))
                .andExpect(status().isOk());
    }

    @Test
    @DisplayName("a course held for review is on its clinician's review list until reviewed")
    void reviewList() throws Exception {
        long patient = patient("Spiskov");
        String created = mvc.perform(post("/api/courses").with(httpBasic("reception", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(course(patient, "PROSTATE_MASSAGE", urologist(), 8, monday(TODAY.plusDays(380)), "18:00")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long courseId = ((Number) JsonPath.read(created, "$.id")).longValue();
        lifecycle.holdForReview(courseId, "Adverse event: urethral burning lasting a day");
        mvc.perform(get("/api/clinicians/me/reviews").with(httpBasic("urologist", "demo")))
                .andExpect(jsonPath("$[?(@.courseId == " + courseId + ")].reason")
                        .value("Adverse event: urethral burning lasting a day"));
        mvc.perform(get("/api/clinicians/me/reviews").with(httpBasic("gynecologist", "demo")))
                .andExpect(jsonPath("$[?(@.courseId == " + courseId + ")]").isEmpty());
        mvc.perform(post("/api/courses/{id}/review", courseId).with(httpBasic("urologist", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Seen; continue gently\"}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/clinicians/me/reviews").with(httpBasic("urologist", "demo")))
                .andExpect(jsonPath("$[?(@.courseId == " + courseId + ")]").isEmpty());
    }

    @Test
    @DisplayName("the notes-to-sign page lists sessions attended over a day ago without a signed note; the worklist lists "
            + "tomorrow's sessions to confirm")
    void unsignedNotesAndConfirmations() throws Exception {
        long patient = patient("Nepodpisov");
        long course = jdbc.sql("INSERT INTO course (patient_id, program_id, practitioner_id, prescribed_sessions, "
                        + "cadence_days, created_by) SELECT ?, tp.id, ?, 8, 2, 'test' FROM treatment_program tp "
                        + "WHERE tp.code = 'PROSTATE_MASSAGE' RETURNING id")
                .params(patient, urologist()).query(Long.class).single();
        jdbc.sql("INSERT INTO course_session (course_id, patient_id, practitioner_id, seq_no, starts_at, ends_at, status) "
                + "VALUES (?, ?, ?, 1, now() - interval '2 days 5 hours', now() - interval '2 days 4 hours 30 minutes', "
                + "'ATTENDED')").params(course, patient, urologist()).update();
        jdbc.sql("INSERT INTO course_session (course_id, patient_id, practitioner_id, seq_no, starts_at, ends_at) "
                        + "VALUES (?, ?, ?, 2, (?::date + time '07:10') AT TIME ZONE 'Europe/Moscow', "
                        + "(?::date + time '07:40') AT TIME ZONE 'Europe/Moscow')")
                .params(course, patient, urologist(), TODAY.plusDays(1), TODAY.plusDays(1)).update();
        mvc.perform(get("/today/notes").with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.user("urologist").roles("CLINICIAN")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        org.hamcrest.Matchers.matchesPattern("(?s).*id=\"notes-to-sign\".*Nepodpisov.*")));
        String worklist = mvc.perform(get("/worklist").with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.user("reception").roles("RECEPTIONIST")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String confirmations = worklist.substring(worklist.indexOf("id=\"confirmations\""), worklist.indexOf("id=\"gaps\""));
        assertThat(confirmations).contains("Nepodpisov").contains("07:10").contains("2/8");
    }

    @Test
    @DisplayName("the clinician's day lists their own sessions of the day with number and flags; reception gets 403")
    void clinicianDay() throws Exception {
        long patient = patient("Dnevnov");
        LocalDate day = monday(TODAY.plusDays(360));
        mvc.perform(post("/api/courses").with(httpBasic("reception", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content(course(patient, "PROSTATE_MASSAGE", urologist(), 8, day, "19:00")))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/clinicians/me/sessions").param("date", day.toString()).with(httpBasic("urologist", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.patientId == " + patient + ")].number").value(1))
                .andExpect(jsonPath("$[?(@.patientId == " + patient + ")].of").value(8));
        mvc.perform(get("/api/clinicians/me/sessions").param("date", day.toString()).with(httpBasic("reception", "demo")))
                .andExpect(status().isForbidden());
    }

    private org.springframework.test.web.servlet.ResultActions attendance(long session, String outcome) throws Exception {
        return mvc.perform(post("/api/sessions/{id}/attendance", session).with(httpBasic("urologist", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"" + outcome + "\"}"))
                .andExpect(status().isOk());
    }

    private void examine(long patient) throws Exception {
        mvc.perform(post("/api/patients/{id}/examinations", patient).with(httpBasic("urologist", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"programCode\":\"PROSTATE_MASSAGE\",\"examinedOn\":\"" + TODAY + "\",\"cleared\":true}"))
                .andExpect(status().isCreated());
    }

    record Booked(long patient, long course, List<Long> sessions) {
    }

    /**
     * A course with a practitioner of its own, its first session moved to shortly from now (as if booked
     * earlier). Each test takes its own slot: the clinic's rooms are shared, and the database guards them too.
     */
    private Booked bookWithFirstSessionToday(String familyName, int slot) throws Exception {
        long patient = patient(familyName);
        long practitioner = practitioner(familyName);
        String created = mvc.perform(post("/api/courses").with(httpBasic("reception", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(course(patient, "PROSTATE_MASSAGE", practitioner, 8, TODAY.plusDays(2),
                                String.format("%02d:00", 8 + slot))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long course = ((Number) JsonPath.read(created, "$.id")).longValue();
        // Minutes from now, so it is still today; without a room, so tests running side by side do not collide.
        jdbc.sql("UPDATE course_session SET starts_at = now() + make_interval(mins => ?), "
                + "ends_at = now() + make_interval(mins => ? + 30), room_id = NULL WHERE course_id = ? AND seq_no = 1")
                .params(slot, slot, course).update();
        List<Long> sessions = jdbc.sql("SELECT id FROM course_session WHERE course_id = ? ORDER BY seq_no")
                .param(course).query(Long.class).list();
        return new Booked(patient, course, sessions);
    }

    private long practitioner(String familyName) {
        long id = jdbc.sql("INSERT INTO practitioner (given_name, family_name, specialty) VALUES ('Dr', ?, 'UROLOGY') "
                + "RETURNING id").param(familyName + "-doc").query(Long.class).single();
        jdbc.sql("INSERT INTO practitioner_program (practitioner_id, program_id) "
                + "SELECT ?, id FROM treatment_program WHERE code = 'PROSTATE_MASSAGE'").param(id).update();
        return id;
    }

    private long urologist() {
        return jdbc.sql("SELECT practitioner_id FROM app_user WHERE username = 'urologist'").query(Long.class).single();
    }

    private long patient(String familyName) {
        return jdbc.sql("INSERT INTO patient (given_name, family_name, birth_date, sex) "
                        + "VALUES ('Test', ?, DATE '1968-06-06', 'MALE') RETURNING id")
                .param(familyName + System.nanoTime()).query(Long.class).single();
    }
}
