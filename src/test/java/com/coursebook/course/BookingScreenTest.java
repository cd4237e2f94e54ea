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
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static com.coursebook.course.CourseRulesApiTest.TODAY;
import static com.coursebook.course.CourseRulesApiTest.course;
import static com.coursebook.course.CourseRulesApiTest.monday;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The booking screen against the real database: what the API finds is what the plan shows, in words. */
@IntegrationTest
class BookingScreenTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Test
    @DisplayName("every finding the API's check returns is on the booking screen's plan, course-wide ones too "
            + "(a practitioner not qualified, the examination notice)")
    void everyFindingOnTheScreen() throws Exception {
        long patient = patient("Nekvalif");
        long practitioner = practitioner("Nekvalifov", false);
        LocalDate start = monday(TODAY.plusDays(340));
        String checked = mvc.perform(post("/api/courses/check").with(httpBasic("reception", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(course(patient, "PROSTATE_MASSAGE", practitioner, 8, start, "10:00")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> messages = JsonPath.read(checked, "$.findings[*].message");
        assertThat(JsonPath.<List<String>>read(checked, "$.findings[*].rule")).contains("QUALIFICATION", "EXAMINATION");
        String page = screen(post("/patients/{id}/courses/check", patient), practitioner, start);
        assertThat(messages).isNotEmpty().allSatisfy(message -> assertThat(page).contains(html(message)));
    }

    @Test
    @DisplayName("a second course of the program the patient is already running: the check reports every session it "
            + "would overlap and a warning for a clinician, instead of 'every session can be booked'")
    void checkReportsEveryClashAndTheRunningCourse() throws Exception {
        long patient = patient("Dvazhdy");
        LocalDate start = monday(TODAY.plusDays(350));
        mvc.perform(post("/api/courses").with(httpBasic("reception", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content(course(patient, "PROSTATE_MASSAGE", practitioner("Pervyj", true), 8, start, "10:00")))
                .andExpect(status().isCreated());
        long second = practitioner("Vtoroj", true);
        String checked = mvc.perform(post("/api/courses/check").with(httpBasic("urologist", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(course(patient, "PROSTATE_MASSAGE", second, 8, start, "10:00")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.bookable").value(false))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<Integer>>read(checked, "$.findings[?(@.rule == 'SLOT_TAKEN')].session"))
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(JsonPath.<List<String>>read(checked, "$.sessions[*].state")).containsOnly("BLOCKED");
        assertThat(JsonPath.<List<String>>read(checked, "$.findings[?(@.rule == 'SAME_PROGRAM_RUNNING')].severity"))
                .containsExactly("WARN");
        assertThat(JsonPath.<List<String>>read(checked, "$.warningsToConfirm")).contains("SAME_PROGRAM_RUNNING");
    }

    @Test
    @DisplayName("Book refused by a clash on the screen: the plan stays, the taken sessions marked in words with free "
            + "times that day, and the form says why")
    void refusedBookingKeepsThePlan() throws Exception {
        long patient = patient("Zanyat");
        LocalDate start = monday(TODAY.plusDays(360));
        long first = practitioner("Zanyatov", true);
        long other = jdbc.sql("INSERT INTO patient (given_name, family_name, birth_date, sex) "
                + "VALUES ('Test', 'Drugoj', DATE '1970-01-01', 'MALE') RETURNING id").query(Long.class).single();
        // someone else holds the third session's time (and later ones)
        String taken = mvc.perform(post("/api/courses").with(httpBasic("reception", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(course(other, "PROSTATE_MASSAGE", first, 8, start.plusDays(4), "10:00")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(taken, "$.sessions[0].startsAt")).startsWith(start.plusDays(4).toString());
        jdbc.sql("INSERT INTO working_hours (practitioner_id, day_of_week, starts_at, ends_at) "
                + "SELECT ?, d, TIME '08:00', TIME '18:00' FROM generate_series(1, 6) d").param(first).update();
        String page = screen(post("/patients/{id}/courses", patient), first, start);
        assertThat(page).contains("id=\"plan-sessions\"").contains("plan-BLOCKED")
                .contains(html("The practitioner already has a session on " + start.plusDays(4) + " at 10:00\u201310:30."))
                .contains("Free that day: ")
                .contains(html("The practitioner already has a session at " + start.plusDays(4) + " 10:00\u201310:30"))
                .doesNotContain("id=\"book-now\"");
        assertThat(jdbc.sql("SELECT count(*) FROM course WHERE patient_id = ?").param(patient).query(Long.class)
                .single()).isZero();
    }

    String screen(MockHttpServletRequestBuilder request, long practitioner, LocalDate start) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername("reception"))).with(csrf())
                        .param("programCode", "PROSTATE_MASSAGE").param("practitionerId", String.valueOf(practitioner))
                        .param("firstDate", start.toString()).param("time", "10:00").param("sessionCount", "8"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** As Thymeleaf escapes text. */
    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    long practitioner(String familyName, boolean qualified) {
        long id = jdbc.sql("INSERT INTO practitioner (given_name, family_name, specialty) VALUES ('Test', ?, 'UROLOGY') "
                + "RETURNING id").param(familyName + System.nanoTime()).query(Long.class).single();
        if (qualified) {
            jdbc.sql("INSERT INTO practitioner_program (practitioner_id, program_id) "
                    + "SELECT ?, id FROM treatment_program WHERE code = 'PROSTATE_MASSAGE'").param(id).update();
        }
        return id;
    }

    long patient(String familyName) {
        return jdbc.sql("INSERT INTO patient (given_name, family_name, birth_date, sex) "
                        + "VALUES ('Test', ?, DATE '1975-01-01', 'MALE') RETURNING id")
                .param(familyName + System.nanoTime()).query(Long.class).single();
    }
}
