package com.coursebook.course;

import java.time.LocalDate;
import java.time.ZoneId;

import com.coursebook.support.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An admin's change of the catalog re-checks the booked future sessions it affects, as a new condition on the patient
 * does: sessions are flagged for reception, never cancelled, and the flags lift when the change is undone.
 */
@IntegrationTest
class CatalogRecheckTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Moscow"));

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void backToSeed() {
        // The shared database's other tests expect the shipped catalog: rectal bleeding applies to rectal massage only.
        jdbc.sql("""
                DELETE FROM contraindication_program
                WHERE contraindication_id = (SELECT id FROM contraindication WHERE code = 'RECTAL_BLEEDING')
                  AND program_id = (SELECT id FROM treatment_program WHERE code = 'PROSTATE_MASSAGE')""").update();
    }

    @Test
    @DisplayName("a contraindication newly applied to a program flags the booked sessions it now blocks (none cancelled), "
            + "and removing it again lifts the flags")
    void contraindicationAppliedToProgramFlagsBookedSessions() throws Exception {
        long patient = jdbc.sql("INSERT INTO patient (given_name, family_name, birth_date, sex) "
                        + "VALUES ('Test', ?, DATE '1975-01-01', 'MALE') RETURNING id")
                .param("Katalogov" + System.nanoTime()).query(Long.class).single();
        long urologist = jdbc.sql("SELECT practitioner_id FROM app_user WHERE username = 'urologist'")
                .query(Long.class).single();
        String created = mvc.perform(post("/api/courses").with(httpBasic("reception", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(CourseRulesApiTest.course(patient, "PROSTATE_MASSAGE", urologist, 8,
                                TODAY.plusDays(80), "09:00")))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long courseId = ((Number) JsonPath.read(created, "$.id")).longValue();
        LocalDate third = LocalDate.parse(JsonPath.<String>read(created, "$.sessions[2].startsAt").substring(0, 10));
        LocalDate fourth = LocalDate.parse(JsonPath.<String>read(created, "$.sessions[3].startsAt").substring(0, 10));

        // Bleeding during sessions 3 and 4: it concerns rectal massage only, so the prostate course is untouched.
        mvc.perform(post("/api/patients/{id}/conditions", patient).with(httpBasic("urologist", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"RECTAL_BLEEDING\",\"onset\":\"" + third + "\",\"expectedEnd\":\""
                                + fourth + "\"}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/courses/{id}", courseId).with(httpBasic("reception", "demo")))
                .andExpect(jsonPath("$.sessions[*].needsAttention", everyItem(is(false))));

        // The admin applies it to prostate massage too.
        changeRectalBleeding("[\"HAEMORRHOID_MASSAGE\",\"PROSTATE_MASSAGE\"]");
        mvc.perform(get("/api/courses/{id}", courseId).with(httpBasic("reception", "demo")))
                .andExpect(jsonPath("$.sessions[*].status", everyItem(is("BOOKED"))))
                .andExpect(jsonPath("$.sessions[?(@.needsAttention == true)].number", hasSize(2)))
                .andExpect(jsonPath("$.sessions[2].attentionRule").value("CONTRAINDICATION"))
                .andExpect(jsonPath("$.sessions[3].attentionRule").value("CONTRAINDICATION"))
                .andExpect(jsonPath("$.sessions[4].needsAttention").value(false));
        assertThat(jdbc.sql("SELECT count(*) FROM course_event WHERE course_id = ? AND act = 'BLOCKED'")
                .param(courseId).query(Long.class).single()).isOne();

        // And takes it back: the flags it set are lifted.
        changeRectalBleeding("[\"HAEMORRHOID_MASSAGE\"]");
        mvc.perform(get("/api/courses/{id}", courseId).with(httpBasic("reception", "demo")))
                .andExpect(jsonPath("$.sessions[*].needsAttention", not(hasItem(true))));
    }

    private void changeRectalBleeding(String programs) throws Exception {
        String current = mvc.perform(get("/api/catalog/contraindications/RECTAL_BLEEDING").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        long version = ((Number) JsonPath.read(current, "$.version")).longValue();
        mvc.perform(put("/api/catalog/contraindications/RECTAL_BLEEDING").with(httpBasic("admin", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"severity\":\"ABSOLUTE\",\"active\":true,\"programs\":" + programs
                                + ",\"version\":" + version + "}"))
                .andExpect(status().isOk());
    }
}
