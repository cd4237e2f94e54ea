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
