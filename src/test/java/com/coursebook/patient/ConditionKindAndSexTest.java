package com.coursebook.patient;

import java.time.LocalDate;
import java.time.ZoneId;

import com.coursebook.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.validation.BindingResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Which conditions a patient's chart takes: by how they last in time, and by the patient's sex. */
@IntegrationTest
class ConditionKindAndSexTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Moscow"));

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("a condition that lasts until resolved refuses an expected end: 400 naming expectedEnd on the API")
    void untilResolvedRefusesExpectedEndOnTheApi() throws Exception {
        long patient = patient("FEMALE");
        for (String code : new String[] { "MALIGNANT_TUMOUR", "PROCEDURE_PAIN" }) {
            mvc.perform(post("/api/patients/{id}/conditions", patient).with(httpBasic("gynecologist", "demo"))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"" + code + "\",\"onset\":\""
                                    + TODAY + "\",\"expectedEnd\":\"" + TODAY.plusDays(10) + "\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("expectedEnd"));
        }
        assertThat(conditionsOf(patient)).isZero();
        // an episodic one still takes its expected end
        mvc.perform(post("/api/patients/{id}/conditions", patient).with(httpBasic("urologist", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"FEVER\",\"onset\":\"" + TODAY
                                + "\",\"expectedEnd\":\"" + TODAY.plusDays(3) + "\"}"))
                .andExpect(status().isCreated());
    }

    @Test
    @DisplayName("the chart's condition form shows a field error on expectedEnd for a tumour with an expected end")
    void untilResolvedRefusesExpectedEndOnTheChart() throws Exception {
        long patient = patient("MALE");
        MvcResult posted = mvc.perform(post("/patients/{id}/conditions", patient).with(clinician()).with(csrf())
                        .param("code", "MALIGNANT_TUMOUR").param("onset", TODAY.toString())
                        .param("expectedEnd", TODAY.plusDays(10).toString()))
                .andExpect(status().is3xxRedirection()).andReturn();
        BindingResult errors = (BindingResult) posted.getFlashMap()
                .get(BindingResult.MODEL_KEY_PREFIX + "conditionForm");
        assertThat(errors.getFieldError("expectedEnd")).isNotNull();
        assertThat(conditionsOf(patient)).isZero();
    }

    @Test
    @DisplayName("a male patient's chart does not offer pregnancy or lactation, and the API refuses them naming code")
    void maleNotOfferedPregnancy() throws Exception {
        long man = patient("MALE");
        String chart = mvc.perform(get("/patients/{id}", man).with(clinician())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(chart).doesNotContain("value=\"PREGNANCY\"").doesNotContain("value=\"LACTATION\"")
                .contains("value=\"MALIGNANT_TUMOUR\"");
        long woman = patient("FEMALE");
        assertThat(mvc.perform(get("/patients/{id}", woman).with(clinician())).andReturn().getResponse()
                .getContentAsString()).contains("value=\"PREGNANCY\"").contains("value=\"LACTATION\"");

        mvc.perform(post("/api/patients/{id}/conditions", man).with(httpBasic("gynecologist", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"PREGNANCY\",\"onset\":\"" + TODAY + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        assertThat(conditionsOf(man)).isZero();
    }

    @Test
    @DisplayName("a male patient's booking form does not offer planning around predicted menstruation")
    void maleBookingFormWithoutMenstruation() throws Exception {
        String man = mvc.perform(get("/patients/{id}/courses/new", patient("MALE")).with(clinician()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(man).doesNotContain("skipPredictedMenstruation");
        String woman = mvc.perform(get("/patients/{id}/courses/new", patient("FEMALE")).with(clinician()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(woman).contains("name=\"skipPredictedMenstruation\"");
    }

    private long patient(String sex) {
        return jdbc.sql("INSERT INTO patient (given_name, family_name, birth_date, sex) "
                        + "VALUES ('Test', ?, DATE '1980-01-01', ?) RETURNING id")
                .params("Vidov" + System.nanoTime(), sex).query(Long.class).single();
    }

    private long conditionsOf(long patient) {
        return jdbc.sql("SELECT count(*) FROM patient_condition WHERE patient_id = ?").param(patient)
                .query(Long.class).single();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor clinician() {
        return user("urologist").roles("CLINICIAN");
    }
}
