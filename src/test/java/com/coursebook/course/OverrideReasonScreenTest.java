package com.coursebook.course;

import java.time.LocalDate;
import java.time.ZoneId;

import com.coursebook.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The booking screen, posted as the browser posts it, against the real database: what a clinician types is kept whole. */
@IntegrationTest
class OverrideReasonScreenTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Moscow"));

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("a clinician's override reason with commas is stored whole, not cut at its first comma")
    void overrideReasonWithCommasStoredWhole() throws Exception {
        long patient = jdbc.sql("INSERT INTO patient (given_name, family_name, birth_date, sex) "
                        + "VALUES ('Test', ?, DATE '1970-01-01', 'MALE') RETURNING id")
                .param("Zapyatov" + System.nanoTime()).query(Long.class).single();
        mvc.perform(post("/api/patients/{id}/conditions", patient).with(httpBasic("urologist", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"PROSTATE_ADENOMA\",\"onset\":\"" + TODAY.minusYears(1) + "\"}"))
                .andExpect(status().isCreated());
        String reason = "Chronic course, no flare; culture negative last month.";

        mvc.perform(post("/patients/{id}/courses", patient).with(user("urologist").roles("CLINICIAN")).with(csrf())
                        .param("programCode", "PROSTATE_MASSAGE")
                        .param("practitionerId", String.valueOf(urologist()))
                        .param("firstDate", TODAY.plusDays(60).toString())
                        .param("time", "09:00")
                        .param("sessionCount", "8")
                        .param("overrides[0].key", "CONTRAINDICATION:PROSTATE_ADENOMA")
                        .param("overrides[0].reason", reason))
                .andExpect(status().is3xxRedirection());

        assertThat(jdbc.sql("SELECT o.reason FROM rule_override o JOIN course c ON c.id = o.course_id "
                + "WHERE c.patient_id = ?").param(patient).query(String.class).single()).isEqualTo(reason);
    }

    private long urologist() {
        return jdbc.sql("SELECT practitioner_id FROM app_user WHERE username = 'urologist'").query(Long.class).single();
    }
}
