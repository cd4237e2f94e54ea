package com.coursebook.catalog;

import com.coursebook.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesRegex;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The admin's catalog screens on the whole application. Every change is put back (the database is shared
 * with the other full-stack tests, which expect the shipped catalog).
 */
@IntegrationTest
class CatalogAdminScreenTest {

    static final String CHILDBIRTH = "/admin/catalog/contraindications/CHILDBIRTH_OR_SURGERY";

    static final String PROSTATE = "/admin/catalog/programs/PROSTATE_MASSAGE";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void backToSeed() {
        jdbc.sql("UPDATE contraindication SET severity = 'ABSOLUTE', window_days = 56, active = true "
                + "WHERE code = 'CHILDBIRTH_OR_SURGERY'").update();
        jdbc.sql("UPDATE contraindication SET severity = 'RELATIVE', window_days = NULL, active = true "
                + "WHERE code = 'PROSTATE_ADENOMA'").update();
    }

    @Test
    @DisplayName("an admin sees an Edit link at every program and contraindication; a receptionist sees none")
    void editLinksForAdminsOnly() throws Exception {
        mvc.perform(get("/catalog").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/admin/catalog/programs/PROSTATE_MASSAGE\"")))
                .andExpect(content().string(containsString("href=\"" + CHILDBIRTH + "\"")));
        mvc.perform(get("/catalog").with(reception()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/admin/catalog/"))));
    }

    @Test
    @DisplayName("the contraindication form shows the current values with a label at every field, in English and Russian")
    void formShowsCurrentValues() throws Exception {
        mvc.perform(get(CHILDBIRTH).with(admin()))
                .andExpect(status().isOk())
                .andExpect(view().name("catalog/contraindication-form"))
                .andExpect(content().string(containsString("<label for=\"windowDays\" class=\"form-label\">Window after the event (days)</label>")))
                .andExpect(content().string(containsString("value=\"56\"")))
                .andExpect(content().string(matchesRegex("(?s).*value=\"GYNECOLOGICAL_MASSAGE\"[^>]*checked=\"checked\".*")))
                .andExpect(content().string(not(matchesRegex("(?s).*value=\"PROSTATE_MASSAGE\"[^>]*checked.*"))))
                .andExpect(content().string(not(containsString("style="))));
        mvc.perform(get(CHILDBIRTH).param("lang", "ru").with(admin()))
                .andExpect(content().string(containsString("Период после события (дней)")))
                .andExpect(content().string(containsString("Изменение противопоказания")));
    }

    @Test
    @DisplayName("a window of 0 days is shown again with the message at the field, and nothing is saved")
    void invalidWindow() throws Exception {
        long version = version("CHILDBIRTH_OR_SURGERY");
        mvc.perform(form(CHILDBIRTH, version).param("windowDays", "0"))
                .andExpect(status().isOk())
                .andExpect(view().name("catalog/contraindication-form"))
                .andExpect(model().attributeHasFieldErrors("contraindicationForm", "windowDays"))
                .andExpect(content().string(containsString("Enter a number of days of at least 1.")))
                .andExpect(content().string(containsString("value=\"0\"")));
        assertThat(windowDays("CHILDBIRTH_OR_SURGERY")).isEqualTo(56);
        assertThat(version("CHILDBIRTH_OR_SURGERY")).isEqualTo(version);
    }

    @Test
    @DisplayName("a contraindication in use with no program ticked is refused with the reason at the top of the form")
    void illegalCombination() throws Exception {
        long version = version("CHILDBIRTH_OR_SURGERY");
        mvc.perform(post(CHILDBIRTH).with(admin()).with(csrf())
                        .param("severity", "ABSOLUTE").param("windowDays", "56")
                        .param("active", "true").param("_active", "on").param("_programs", "on")
                        .param("version", String.valueOf(version)))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasErrors("contraindicationForm"))
                .andExpect(content().string(containsString("A contraindication in use must apply to at least one program.")));
        assertThat(version("CHILDBIRTH_OR_SURGERY")).isEqualTo(version);
    }

    @Test
    @DisplayName("a valid change redirects to the catalog with a message; a posted code cannot retarget the edit")
    void savedAndRedirected() throws Exception {
        long version = version("CHILDBIRTH_OR_SURGERY");
        long adenomaVersion = version("PROSTATE_ADENOMA");

        mvc.perform(form(CHILDBIRTH, version).param("windowDays", "60").param("code", "PROSTATE_ADENOMA"))
                .andExpect(redirectedUrl("/catalog"))
                .andExpect(flash().attribute("message", "catalog.contraindication.saved"));
        assertThat(windowDays("CHILDBIRTH_OR_SURGERY")).isEqualTo(60);
        assertThat(version("PROSTATE_ADENOMA")).isEqualTo(adenomaVersion);

        mvc.perform(form(CHILDBIRTH, version + 1).param("windowDays", "56"))
                .andExpect(redirectedUrl("/catalog"));
        assertThat(windowDays("CHILDBIRTH_OR_SURGERY")).isEqualTo(56);
    }

    @Test
    @DisplayName("a change on a page that went stale is refused with a request to reload")
    void stale() throws Exception {
        long version = version("CHILDBIRTH_OR_SURGERY");
        mvc.perform(form(CHILDBIRTH, version - 1).param("windowDays", "60"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Someone else changed this record meanwhile.")));
        assertThat(windowDays("CHILDBIRTH_OR_SURGERY")).isEqualTo(56);
    }

    @Test
    @DisplayName("the program form refuses session counts out of order and keeps what the admin typed")
    void programOutOfOrder() throws Exception {
        mvc.perform(get(PROSTATE).with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<label for=\"minSessions\" class=\"form-label\">Minimum sessions</label>")))
                .andExpect(content().string(containsString("Empty your bladder just before the procedure.")));
        long version = jdbc.sql("SELECT version FROM treatment_program WHERE code = 'PROSTATE_MASSAGE'")
                .query(Long.class).single();
        mvc.perform(post(PROSTATE).with(admin()).with(csrf())
                        .param("minSessions", "12").param("defaultSessions", "10").param("maxSessions", "15")
                        .param("cadenceDays", "2").param("minGapDays", "2").param("maxPerWeek", "4")
                        .param("slotMinutes", "30").param("requiresExamination", "true").param("_requiresExamination", "on")
                        .param("examinationValidDays", "30").param("_examinationBlocksBooking", "on")
                        .param("active", "true").param("_active", "on")
                        .param("preparationEn", "Empty your bladder.").param("preparationRu", "Опорожните мочевой пузырь.")
                        .param("aftercareEn", "Rest.").param("aftercareRu", "Отдохните.")
                        .param("version", String.valueOf(version)))
                .andExpect(status().isOk())
                .andExpect(view().name("catalog/program-form"))
                .andExpect(content().string(containsString("minimum ≤ usual ≤ maximum")))
                .andExpect(content().string(containsString("value=\"12\"")));
        assertThat(jdbc.sql("SELECT min_sessions FROM treatment_program WHERE code = 'PROSTATE_MASSAGE'")
                .query(Integer.class).single()).isEqualTo(8);
    }

    @Test
    @DisplayName("a receptionist cannot open or post the admin forms")
    void receptionForbidden() throws Exception {
        mvc.perform(get(CHILDBIRTH).with(reception())).andExpect(status().isForbidden());
        mvc.perform(post(CHILDBIRTH).with(reception()).with(csrf()).param("windowDays", "1"))
                .andExpect(status().isForbidden());
        assertThat(windowDays("CHILDBIRTH_OR_SURGERY")).isEqualTo(56);
    }

    private MockHttpServletRequestBuilder form(String url, long version) {
        return post(url).with(admin()).with(csrf())
                .param("severity", "ABSOLUTE").param("active", "true").param("_active", "on")
                .param("programs", "GYNECOLOGICAL_MASSAGE").param("_programs", "on")
                .param("version", String.valueOf(version));
    }

    private static RequestPostProcessor admin() {
        return SecurityMockMvcRequestPostProcessors.user("admin").roles("ADMIN");
    }

    private static RequestPostProcessor reception() {
        return SecurityMockMvcRequestPostProcessors.user("reception").roles("RECEPTIONIST");
    }

    private long version(String code) {
        return jdbc.sql("SELECT version FROM contraindication WHERE code = ?").param(code).query(Long.class).single();
    }

    private Integer windowDays(String code) {
        return jdbc.sql("SELECT window_days FROM contraindication WHERE code = ?").param(code).query(Integer.class)
                .single();
    }
}
