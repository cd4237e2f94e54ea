package com.coursebook.course;

import java.time.LocalDate;
import java.time.ZoneId;

import com.coursebook.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** What a proposed plan says it passed over fits the patient: days off for a man, never menstruation. */
@IntegrationTest
class PlanWordsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("a man's plan passes over days off and says so, without a word of menstruation, in both languages")
    void noMenstruationForAMan() throws Exception {
        long patient = jdbc.sql("INSERT INTO patient (given_name, family_name, birth_date, sex) "
                + "VALUES ('Test', ?, DATE '1970-01-01', 'MALE') RETURNING id").param("Planov" + System.nanoTime())
                .query(Long.class).single();
        long urologist = jdbc.sql("SELECT practitioner_id FROM app_user WHERE username = 'urologist'")
                .query(Long.class).single();
        for (String lang : new String[] { "en", "ru" }) {
            String plan = mvc.perform(post("/patients/{id}/courses/check", patient).param("lang", lang)
                            .param("programCode", "PROSTATE_MASSAGE").param("practitionerId", String.valueOf(urologist))
                            .param("firstDate", LocalDate.now(ZoneId.of("Europe/Moscow")).plusDays(500).toString())
                            .param("time", "10:00").param("sessionCount", "10").param("cadenceDays", "1")
                            .with(user("urologist").roles("CLINICIAN")).with(csrf()))
                    .andReturn().getResponse().getContentAsString();
            assertThat(plan).as(lang).contains("en".equals(lang) ? "Days passed over" : "Пропущенные при планировании")
                    .doesNotContainIgnoringCase("menstruation").doesNotContainIgnoringCase("менструац");
        }
    }
}
