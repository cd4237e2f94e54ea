package com.coursebook.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.coursebook.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Admins edit the catalog through the JSON API. The database is shared with every other full-stack test,
 * which expect the shipped catalog, so each test puts back what it changed (and {@link #backToSeed()}
 * does so even when an assertion failed half-way).
 */
@IntegrationTest
class CatalogAdministrationApiTest {

    static final String CONTRAINDICATION = """
            {"severity":"%s","windowDays":%s,"active":true,"programs":%s,"version":%d}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Catalog catalog;

    @Autowired
    CatalogAdministration administration;

    long lastAuditId;

    @BeforeEach
    void rememberAuditPosition() {
        lastAuditId = jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_event").query(Long.class).single();
    }

    @AfterEach
    void backToSeed() {
        jdbc.sql("UPDATE contraindication SET severity = 'RELATIVE', window_days = NULL, active = true "
                + "WHERE code = 'PROSTATE_ADENOMA'").update();
        jdbc.sql("UPDATE contraindication SET severity = 'ABSOLUTE', window_days = 56, active = true "
                + "WHERE code = 'CHILDBIRTH_OR_SURGERY'").update();
        jdbc.sql("UPDATE treatment_program SET default_sessions = 10, min_sessions = 8, max_sessions = 15, "
                + "cadence_days = 2, min_gap_days = 2, max_per_week = 4, slot_minutes = 30, "
                + "preparation_en = 'Empty your bladder just before the procedure.' "
                + "WHERE code = 'PROSTATE_MASSAGE'").update();
    }

    @Test
    @DisplayName("an admin makes prostate adenoma absolute and back; each change is audited with old and new values")
    void adenomaAbsoluteAndBack() throws Exception {
        long version = version("contraindication", "PROSTATE_ADENOMA");

        putContraindication("PROSTATE_ADENOMA", "ABSOLUTE", null, "[\"PROSTATE_MASSAGE\"]", version, "admin")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value("PROSTATE_ADENOMA"))
                .andExpect(jsonPath("$.severity").value("ABSOLUTE"))
                .andExpect(jsonPath("$.programs[0]").value("PROSTATE_MASSAGE"))
                .andExpect(jsonPath("$.version").value(version + 1));
        // The read side the rule engine uses sees the change at once.
        assertThat(severityInCatalog("PROSTATE_ADENOMA")).isEqualTo(Severity.ABSOLUTE);
        mvc.perform(get("/api/catalog/contraindications").with(httpBasic("reception", "demo")))
                .andExpect(jsonPath("$[?(@.code == 'PROSTATE_ADENOMA')].severity").value("ABSOLUTE"));

        putContraindication("PROSTATE_ADENOMA", "RELATIVE", null, "[\"PROSTATE_MASSAGE\"]", version + 1, "admin")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.severity").value("RELATIVE"));
        assertThat(severityInCatalog("PROSTATE_ADENOMA")).isEqualTo(Severity.RELATIVE);

        long id = id("contraindication", "PROSTATE_ADENOMA");
        assertThat(auditSince("CONTRAINDICATION", id)).containsExactly(
                Map.of("actor", "admin", "action", "UPDATE", "details", "severity: RELATIVE → ABSOLUTE"),
                Map.of("actor", "admin", "action", "UPDATE", "details", "severity: ABSOLUTE → RELATIVE"));
    }

    @Test
    @DisplayName("an admin shortens the window after childbirth or surgery; the change is audited and put back")
    void childbirthWindow() throws Exception {
        long version = version("contraindication", "CHILDBIRTH_OR_SURGERY");
        mvc.perform(get("/api/catalog/contraindications/CHILDBIRTH_OR_SURGERY").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.temporality").value("WINDOW_AFTER_EVENT"))
                .andExpect(jsonPath("$.windowDays").value(56))
                .andExpect(jsonPath("$.version").value(version));

        putContraindication("CHILDBIRTH_OR_SURGERY", "ABSOLUTE", "42", "[\"GYNECOLOGICAL_MASSAGE\"]", version, "admin")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.windowDays").value(42));
        assertThat(catalog.contraindications(Locale.ENGLISH)).filteredOn(c -> c.code().equals("CHILDBIRTH_OR_SURGERY"))
                .singleElement().extracting(Catalog.ContraindicationView::windowDays).isEqualTo(42);

        putContraindication("CHILDBIRTH_OR_SURGERY", "ABSOLUTE", "56", "[\"GYNECOLOGICAL_MASSAGE\"]", version + 1, "admin")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.windowDays").value(56));

        assertThat(auditSince("CONTRAINDICATION", id("contraindication", "CHILDBIRTH_OR_SURGERY")))
                .extracting(row -> row.get("details"))
                .containsExactly("windowDays: 56 → 42", "windowDays: 42 → 56");
    }

    @Test
    @DisplayName("a receptionist or a clinician may read the catalog but not change it: 403, nothing changed")
    void onlyAdminsChange() throws Exception {
        Map<String, Object> before = row("PROSTATE_ADENOMA");
        long version = version("contraindication", "PROSTATE_ADENOMA");

        for (String user : List.of("reception", "urologist")) {
            putContraindication("PROSTATE_ADENOMA", "ABSOLUTE", null, "[\"PROSTATE_MASSAGE\"]", version, user)
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            mvc.perform(put("/api/catalog/programs/PROSTATE_MASSAGE").with(httpBasic(user, "demo"))
                            .contentType(MediaType.APPLICATION_JSON).content("{}"))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/api/catalog/contraindications/PROSTATE_ADENOMA").with(httpBasic(user, "demo")))
                    .andExpect(status().isOk());
        }
        assertThat(row("PROSTATE_ADENOMA")).isEqualTo(before);
        assertThat(auditSince("CONTRAINDICATION", id("contraindication", "PROSTATE_ADENOMA"))).isEmpty();
    }

    @Test
    @WithMockUser(username = "reception", roles = "RECEPTIONIST")
    @DisplayName("the catalog service itself refuses anyone but an admin, whatever the URL rules say")
    void serviceRefusesNonAdmins() {
        ContraindicationForm form = ContraindicationForm.of(catalog.contraindicationDetails("PROSTATE_ADENOMA"));
        form.setSeverity(Severity.ABSOLUTE);

        assertThatThrownBy(() -> administration.reviseContraindication("PROSTATE_ADENOMA", form))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(row("PROSTATE_ADENOMA").get("severity")).isEqualTo("RELATIVE");
    }

    @Test
    @DisplayName("a change made on a stale version is refused with 409 and changes nothing")
    void staleVersion() throws Exception {
        Map<String, Object> before = row("PROSTATE_ADENOMA");
        long version = version("contraindication", "PROSTATE_ADENOMA");

        putContraindication("PROSTATE_ADENOMA", "ABSOLUTE", null, "[\"PROSTATE_MASSAGE\"]", version + 7, "admin")
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Someone else changed this record meanwhile. Reload it and try again."));

        assertThat(row("PROSTATE_ADENOMA")).isEqualTo(before);
        assertThat(auditSince("CONTRAINDICATION", id("contraindication", "PROSTATE_ADENOMA"))).isEmpty();
    }

    @Test
    @DisplayName("a window of 0 days or a missing version is invalid input: 400 naming the field, nothing changed")
    void invalidWindow() throws Exception {
        Map<String, Object> before = row("CHILDBIRTH_OR_SURGERY");
        long version = version("contraindication", "CHILDBIRTH_OR_SURGERY");

        putContraindication("CHILDBIRTH_OR_SURGERY", "ABSOLUTE", "0", "[\"GYNECOLOGICAL_MASSAGE\"]", version, "admin")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("windowDays"))
                .andExpect(jsonPath("$.errors[0].message").value("Enter a number of days of at least 1."));
        mvc.perform(put("/api/catalog/contraindications/CHILDBIRTH_OR_SURGERY").with(httpBasic("admin", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"severity":"ABSOLUTE","windowDays":30,"active":true,"programs":["GYNECOLOGICAL_MASSAGE"]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
        mvc.perform(put("/api/catalog/contraindications/CHILDBIRTH_OR_SURGERY").with(httpBasic("admin", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(CONTRAINDICATION.formatted("SEVERE", "30", "[]", version)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("severity"));

        assertThat(row("CHILDBIRTH_OR_SURGERY")).isEqualTo(before);
    }

    @Test
    @DisplayName("illegal combinations are refused with 400 naming the field: a window on a permanent condition, "
            + "no window on a window after an event, no program while in use, an unknown program")
    void illegalCombinations() throws Exception {
        Map<String, Object> adenoma = row("PROSTATE_ADENOMA");
        Map<String, Object> childbirth = row("CHILDBIRTH_OR_SURGERY");
        long adenomaVersion = version("contraindication", "PROSTATE_ADENOMA");
        long childbirthVersion = version("contraindication", "CHILDBIRTH_OR_SURGERY");

        putContraindication("PROSTATE_ADENOMA", "ABSOLUTE", "30", "[\"PROSTATE_MASSAGE\"]", adenomaVersion, "admin")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("windowDays"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("Only a window after an event has a length in days; leave it empty."));
        putContraindication("CHILDBIRTH_OR_SURGERY", "ABSOLUTE", null, "[\"GYNECOLOGICAL_MASSAGE\"]", childbirthVersion, "admin")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("windowDays"))
                .andExpect(jsonPath("$.errors[0].message").value("A window after an event needs its length in days."));
        putContraindication("PROSTATE_ADENOMA", "RELATIVE", null, "[]", adenomaVersion, "admin")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("programs"))
                .andExpect(jsonPath("$.errors[0].message").value("A contraindication in use must apply to at least one program."));
        putContraindication("PROSTATE_ADENOMA", "RELATIVE", null, "[\"FOOT_MASSAGE\"]", adenomaVersion, "admin")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("programs"))
                .andExpect(jsonPath("$.errors[0].message").value("There is no treatment program FOOT_MASSAGE."));
        mvc.perform(put("/api/catalog/contraindications/NO_SUCH_THING").with(httpBasic("admin", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(CONTRAINDICATION.formatted("ABSOLUTE", null, "[\"PROSTATE_MASSAGE\"]", 0)))
                .andExpect(status().isNotFound());

        assertThat(row("PROSTATE_ADENOMA")).isEqualTo(adenoma);
        assertThat(row("CHILDBIRTH_OR_SURGERY")).isEqualTo(childbirth);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE id > ?").param(lastAuditId).query(Long.class)
                .single()).isZero();
    }

    @Test
    @DisplayName("an admin changes how prostate massage is run and back; both are audited, "
            + "and session counts out of order are refused with 400 naming the field")
    void programRevised() throws Exception {
        long version = version("treatment_program", "PROSTATE_MASSAGE");
        String original = mvc.perform(get("/api/catalog/programs/PROSTATE_MASSAGE").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.maxPerWeek").value(4))
                .andExpect(jsonPath("$.preparationRu").isNotEmpty())
                .andReturn().getResponse().getContentAsString();
        String twiceAWeek = original.replace("\"maxPerWeek\":4", "\"maxPerWeek\":2")
                .replace("Empty your bladder just before the procedure.", "Empty your bladder before the procedure.");

        mvc.perform(put("/api/catalog/programs/PROSTATE_MASSAGE").with(httpBasic("admin", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(twiceAWeek))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.maxPerWeek").value(2))
                .andExpect(jsonPath("$.version").value(version + 1));
        assertThat(catalog.program("PROSTATE_MASSAGE").getMaxPerWeek()).isEqualTo(2);

        String outOfOrder = twiceAWeek.replace("\"minSessions\":8", "\"minSessions\":11")
                .replace("\"version\":" + version, "\"version\":" + (version + 1));
        mvc.perform(put("/api/catalog/programs/PROSTATE_MASSAGE").with(httpBasic("admin", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(outOfOrder))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("defaultSessions"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("Sessions must be at least 1 and fit together: minimum ≤ usual ≤ maximum."));

        mvc.perform(put("/api/catalog/programs/PROSTATE_MASSAGE").with(httpBasic("admin", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(original.replace("\"version\":" + version, "\"version\":" + (version + 1))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.maxPerWeek").value(4));

        assertThat(auditSince("TREATMENT_PROGRAM", id("treatment_program", "PROSTATE_MASSAGE")))
                .extracting(row -> row.get("details"))
                .containsExactly(
                        "maxPerWeek: 4 → 2; preparationEn: \"Empty your bladder just before the procedure.\" → "
                                + "\"Empty your bladder before the procedure.\"",
                        "maxPerWeek: 2 → 4; preparationEn: \"Empty your bladder before the procedure.\" → "
                                + "\"Empty your bladder just before the procedure.\"");
    }

    @Test
    @DisplayName("the pain that holds a course is the program's: 4 for gynecological massage, 7 for the others; an "
            + "admin changes it within 1..10 (0 or 11 is 400 naming reviewPainThreshold) and the change is audited")
    void reviewPainThreshold() throws Exception {
        mvc.perform(get("/api/catalog/programs/GYNECOLOGICAL_MASSAGE").with(httpBasic("admin", "demo")))
                .andExpect(jsonPath("$.reviewPainThreshold").value(4));
        long version = version("treatment_program", "HAEMORRHOID_MASSAGE");
        String original = mvc.perform(get("/api/catalog/programs/HAEMORRHOID_MASSAGE").with(httpBasic("admin", "demo")))
                .andExpect(jsonPath("$.reviewPainThreshold").value(7))
                .andReturn().getResponse().getContentAsString();
        for (String wrong : new String[] { "0", "11" }) {
            mvc.perform(put("/api/catalog/programs/HAEMORRHOID_MASSAGE").with(httpBasic("admin", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(original.replace("\"reviewPainThreshold\":7", "\"reviewPainThreshold\":" + wrong)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("reviewPainThreshold"));
        }
        mvc.perform(put("/api/catalog/programs/HAEMORRHOID_MASSAGE").with(httpBasic("admin", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(original.replace("\"reviewPainThreshold\":7", "\"reviewPainThreshold\":5")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reviewPainThreshold").value(5));
        assertThat(catalog.program("HAEMORRHOID_MASSAGE").getReviewPainThreshold()).isEqualTo(5);
        assertThat(auditSince("TREATMENT_PROGRAM", id("treatment_program", "HAEMORRHOID_MASSAGE")))
                .extracting(row -> row.get("details")).contains("reviewPainThreshold: 7 → 5");
        mvc.perform(put("/api/catalog/programs/HAEMORRHOID_MASSAGE").with(httpBasic("admin", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(original.replace("\"version\":" + version, "\"version\":" + (version + 1))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reviewPainThreshold").value(7));
    }

    private ResultActions putContraindication(String code, String severity, String windowDays, String programs,
            long version, String user) throws Exception {
        return mvc.perform(put("/api/catalog/contraindications/{code}", code).with(httpBasic(user, "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(CONTRAINDICATION.formatted(severity, windowDays, programs, version)));
    }

    private Severity severityInCatalog(String code) {
        return catalog.contraindications(Locale.ENGLISH).stream().filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow().severity();
    }

    private Map<String, Object> row(String code) {
        return jdbc.sql("""
                SELECT c.severity, c.window_days, c.active, c.version,
                       (SELECT string_agg(p.code, ',' ORDER BY p.code) FROM contraindication_program cp
                          JOIN treatment_program p ON p.id = cp.program_id WHERE cp.contraindication_id = c.id) AS programs
                FROM contraindication c WHERE c.code = ?""").param(code).query().singleRow();
    }

    private long version(String table, String code) {
        return jdbc.sql("SELECT version FROM " + table + " WHERE code = ?").param(code).query(Long.class).single();
    }

    private long id(String table, String code) {
        return jdbc.sql("SELECT id FROM " + table + " WHERE code = ?").param(code).query(Long.class).single();
    }

    private List<Map<String, Object>> auditSince(String entityType, long entityId) {
        return jdbc.sql("SELECT actor, action, details FROM audit_event "
                        + "WHERE id > ? AND entity_type = ? AND entity_id = ? ORDER BY id")
                .params(lastAuditId, entityType, entityId).query().listOfRows();
    }
}
