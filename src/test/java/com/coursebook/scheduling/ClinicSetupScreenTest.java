package com.coursebook.scheduling;

import com.coursebook.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The admin's set-up screens on the whole application: locations, practitioners, room types, and new catalog entries.
 * A refused form comes back with what was typed and the reason at the field, and nothing is stored. What a test makes
 * carries "Screenville"/SCREEN_ and is removed afterwards (shared database).
 */
@IntegrationTest
class ClinicSetupScreenTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeWhatTestsMade() {
        jdbc.sql("DELETE FROM practitioner WHERE family_name LIKE 'Screenville%'").update();
        jdbc.sql("DELETE FROM location WHERE name LIKE 'Screenville%'").update();
        jdbc.sql("DELETE FROM treatment_program WHERE code LIKE 'SCREEN\\_%'").update();
        jdbc.sql("DELETE FROM contraindication WHERE code LIKE 'SCREEN\\_%'").update();
        jdbc.sql("DELETE FROM room_type WHERE code LIKE 'SCREEN\\_%'").update();
    }

    @Test
    @DisplayName("the scheduling index links locations, room types and a new practitioner; the locations page lists "
            + "each with its zone and opening days")
    void locationsListed() throws Exception {
        mvc.perform(get("/admin/scheduling").with(admin()))
                .andExpect(content().string(containsString("href=\"/admin/scheduling/locations\"")))
                .andExpect(content().string(containsString("href=\"/admin/scheduling/room-types\"")))
                .andExpect(content().string(containsString("href=\"/admin/scheduling/practitioners/new\"")));
        mvc.perform(get("/admin/scheduling/locations").with(admin()))
                .andExpect(status().isOk())
                .andExpect(view().name("scheduling/locations"))
                .andExpect(content().string(containsString("Central clinic")))
                .andExpect(content().string(containsString("(Europe/Moscow)")))
                .andExpect(content().string(containsString("<span>Monday</span>, <span>Tuesday</span>")));
        mvc.perform(get("/admin/scheduling/locations").with(reception())).andExpect(status().isForbidden());
    }

    @Test
    @DisplayName("a location with an unknown time zone is shown again with the reason at the zone; a valid one is "
            + "saved with its opening days and can be edited")
    void locationForm() throws Exception {
        long before = count("location");
        mvc.perform(post("/admin/scheduling/locations").with(admin()).with(csrf())
                        .param("name", "Screenville").param("timeZone", "Moscow/Time").param("openingDays", "MONDAY"))
                .andExpect(status().isOk())
                .andExpect(view().name("scheduling/location-form"))
                .andExpect(model().attributeHasFieldErrors("locationForm", "timeZone"))
                .andExpect(content().string(containsString("is not a time zone")))
                .andExpect(content().string(containsString("value=\"Moscow/Time\"")));
        mvc.perform(post("/admin/scheduling/locations").with(admin()).with(csrf())
                        .param("name", " ").param("openingDays", "MONDAY"))
                .andExpect(model().attributeHasFieldErrors("locationForm", "name"))
                .andExpect(content().string(containsString("Enter the name of the location.")));
        assertThat(count("location")).isEqualTo(before);

        mvc.perform(post("/admin/scheduling/locations").with(admin()).with(csrf()).param("name", "Screenville")
                        .param("timeZone", "Europe/Samara").param("openingDays", "MONDAY", "SATURDAY"))
                .andExpect(redirectedUrl("/admin/scheduling/locations"))
                .andExpect(flash().attribute("message", "clinic.location.saved"));
        long id = jdbc.sql("SELECT id FROM location WHERE name = 'Screenville'").query(Long.class).single();
        assertThat(jdbc.sql("SELECT opening_days FROM location WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("16");
        mvc.perform(get("/admin/scheduling/locations/" + id).with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"Europe/Samara\"")))
                .andExpect(content().string(containsString("<label for=\"timeZone\" class=\"form-label\">Time zone</label>")));
        mvc.perform(get("/admin/scheduling/locations/" + id).param("lang", "ru").with(admin()))
                .andExpect(content().string(containsString("Дни работы")));
    }

    @Test
    @DisplayName("a urologist ticked for gynecological massage is refused at the programs; a valid practitioner is "
            + "saved, reachable from their schedule page, and deactivated instead of deleted")
    void practitionerForm() throws Exception {
        long before = count("practitioner");
        mvc.perform(post("/admin/scheduling/practitioners").with(admin()).with(csrf())
                        .param("givenName", "Oleg").param("familyName", "Screenville").param("specialty", "UROLOGY")
                        .param("programs", "PROSTATE_MASSAGE", "GYNECOLOGICAL_MASSAGE"))
                .andExpect(status().isOk())
                .andExpect(view().name("scheduling/practitioner-form"))
                .andExpect(model().attributeHasFieldErrors("practitionerForm", "programs"))
                .andExpect(content().string(containsString("only for programs of their own specialty")))
                .andExpect(content().string(containsString("value=\"Screenville\"")));
        mvc.perform(post("/admin/scheduling/practitioners").with(admin()).with(csrf())
                        .param("givenName", "").param("familyName", "Screenville").param("specialty", "UROLOGY"))
                .andExpect(model().attributeHasFieldErrors("practitionerForm", "givenName"));
        assertThat(count("practitioner")).isEqualTo(before);

        mvc.perform(post("/admin/scheduling/practitioners").with(admin()).with(csrf())
                        .param("givenName", "Oleg").param("familyName", "Screenville").param("specialty", "UROLOGY")
                        .param("programs", "PROSTATE_MASSAGE"))
                .andExpect(redirectedUrl("/admin/scheduling"))
                .andExpect(flash().attribute("message", "clinic.practitioner.saved"));
        long id = jdbc.sql("SELECT id FROM practitioner WHERE family_name = 'Screenville'").query(Long.class).single();
        mvc.perform(get("/admin/scheduling/practitioners/" + id).with(admin()))
                .andExpect(content().string(containsString("href=\"/admin/scheduling/practitioners/" + id + "/edit\"")));
        mvc.perform(get("/admin/scheduling/practitioners/" + id + "/edit").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
                        "(?s).*value=\"PROSTATE_MASSAGE\"\\s+id=\"programs\\d+\" name=\"programs\" checked=\"checked\".*")));
        mvc.perform(post("/admin/scheduling/practitioners/" + id + "/deactivate").with(admin()).with(csrf()))
                .andExpect(redirectedUrl("/admin/scheduling/practitioners/" + id))
                .andExpect(flash().attribute("message", "clinic.practitioner.deactivated"));
        assertThat(jdbc.sql("SELECT active FROM practitioner WHERE id = ?").param(id).query(Boolean.class).single())
                .isFalse();
    }

    @Test
    @DisplayName("room types: one is added, an empty name refused at the field, a rename refused with its reason "
            + "over the table, and a type retired")
    void roomTypes() throws Exception {
        mvc.perform(get("/admin/scheduling/room-types").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<code>GYNECOLOGY</code>")));
        mvc.perform(post("/admin/scheduling/room-types").with(admin()).with(csrf())
                        .param("code", "SCREEN_X").param("nameEn", "").param("nameRu", "Икс"))
                .andExpect(model().attributeHasFieldErrors("roomTypeForm", "nameEn"));
        assertThat(jdbc.sql("SELECT count(*) FROM room_type WHERE code = 'SCREEN_X'").query(Long.class).single()).isZero();
        mvc.perform(post("/admin/scheduling/room-types").with(admin()).with(csrf())
                        .param("code", "SCREEN_X").param("nameEn", "Ex").param("nameRu", "Икс"))
                .andExpect(redirectedUrl("/admin/scheduling/room-types"));
        mvc.perform(post("/admin/scheduling/room-types/SCREEN_X").with(admin()).with(csrf())
                        .param("nameEn", "Ex room").param("nameRu", " "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("was not renamed")))
                .andExpect(content().string(containsString("Enter the name.")));
        mvc.perform(post("/admin/scheduling/room-types/SCREEN_X/retire").with(admin()).with(csrf()))
                .andExpect(redirectedUrl("/admin/scheduling/room-types"));
        assertThat(jdbc.sql("SELECT name_ru || ' ' || active FROM room_type WHERE code = 'SCREEN_X'").query(String.class)
                .single()).isEqualTo("Икс false");
        mvc.perform(get("/admin/scheduling/rooms").with(admin()))
                .andExpect(content().string(not(containsString("value=\"SCREEN_X\""))));
    }

    @Test
    @DisplayName("a new program with a minimum above its maximum is shown again with the reason at the minimum; "
            + "a valid one is added; a new contraindication with a 0-day window is refused at the window")
    void newCatalogEntries() throws Exception {
        long programs = count("treatment_program");
        mvc.perform(get("/admin/catalog/programs/new").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"code\"")));
        mvc.perform(newProgram(12, 10))
                .andExpect(status().isOk())
                .andExpect(view().name("catalog/program-form"))
                .andExpect(model().attributeHasFieldErrors("programForm", "minSessions"))
                .andExpect(content().string(containsString("must not exceed the maximum")));
        assertThat(count("treatment_program")).isEqualTo(programs);
        mvc.perform(newProgram(5, 10))
                .andExpect(redirectedUrl("/catalog"))
                .andExpect(flash().attribute("message", "catalog.program.added"));
        assertThat(count("treatment_program")).isEqualTo(programs + 1);

        long contraindications = count("contraindication");
        mvc.perform(post("/admin/catalog/contraindications").with(admin()).with(csrf())
                        .param("code", "SCREEN_OP").param("nameEn", "Op").param("nameRu", "Оп")
                        .param("severity", "ABSOLUTE").param("temporality", "WINDOW_AFTER_EVENT")
                        .param("windowDays", "0").param("active", "true").param("programs", "PROSTATE_MASSAGE"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("contraindicationForm", "windowDays"));
        assertThat(count("contraindication")).isEqualTo(contraindications);
        mvc.perform(get("/admin/catalog/programs/PROSTATE_MASSAGE").with(admin()))
                .andExpect(content().string(containsString("value=\"Therapeutic prostate massage\"")))
                .andExpect(content().string(containsString("id=\"firstSessionMinutes\"")));
    }

    private org.springframework.test.web.servlet.RequestBuilder newProgram(int min, int max) {
        return post("/admin/catalog/programs").with(admin()).with(csrf())
                .param("code", "SCREEN_FOOT").param("specialty", "PROCTOLOGY")
                .param("nameEn", "Foot").param("nameRu", "Стопы").param("eligibleSex", "ANY")
                .param("minSessions", String.valueOf(min)).param("defaultSessions", "10")
                .param("maxSessions", String.valueOf(max)).param("cadenceDays", "2").param("minGapDays", "1")
                .param("maxPerWeek", "3").param("slotMinutes", "30").param("firstSessionMinutes", "10")
                .param("sessionMinutesStep", "1").param("maxSessionMinutes", "20").param("requiresExamination", "false")
                .param("examinationValidDays", "30").param("examinationBlocksBooking", "false")
                .param("reviewPainThreshold", "7").param("active", "true").param("roomType", "")
                .param("preparationEn", "Wash.").param("preparationRu", "Вымойте.")
                .param("aftercareEn", "Rest.").param("aftercareRu", "Отдых.");
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private static RequestPostProcessor admin() {
        return SecurityMockMvcRequestPostProcessors.user("admin").roles("ADMIN");
    }

    private static RequestPostProcessor reception() {
        return SecurityMockMvcRequestPostProcessors.user("reception").roles("RECEPTIONIST");
    }
}
