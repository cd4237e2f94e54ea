package com.coursebook.audit;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.coursebook.support.DatabaseAs;
import com.coursebook.support.IntegrationTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class AuditScreenTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    final RequestPostProcessor admin = user("admin").roles("ADMIN");

    String actor;

    long patient;

    String record;

    @BeforeEach
    void lines() {
        actor = "screen" + System.nanoTime();
        patient = jdbc.sql("INSERT INTO patient (given_name, family_name, birth_date, sex) VALUES ('Test', ?, "
                + "DATE '1980-01-01', 'MALE') RETURNING id").param("Zhurnalov" + System.nanoTime()).query(Long.class)
                .single();
        record = jdbc.sql("SELECT record_number FROM patient WHERE id = ?").param(patient).query(String.class).single();
        // 60 lines by one person (more than a page), two of them reads of one patient's notes, one a formula. Dated
        // in the past, so written as the owner: the app's role may not date a line (V21).
        JdbcClient owner = DatabaseAs.owner(postgres);
        for (int i = 0; i < 60; i++) {
            owner.sql("INSERT INTO audit_event (occurred_at, actor, action, entity_type, entity_id, patient_id, details) "
                    + "VALUES (timestamptz '2025-03-10 12:00+03' + make_interval(mins => ?), ?, ?, ?, ?, ?, ?)")
                    .params(i, actor, i < 2 ? "VIEW" : "UPDATE", i < 2 ? "SESSION_NOTE" : "PATIENT", 100 + i,
                            i < 2 || i == 59 ? patient : null, i == 59 ? "=HYPERLINK(\"x\")" : "line " + i)
                    .update();
        }
    }

    @Test
    @DisplayName("search by user pages newest first, 50 a page, and the next page goes on where the first stopped")
    void pagedByUser() throws Exception {
        String first = page("/admin/audit?user=" + actor);
        assertThat(count(first, "line ")).isEqualTo(49); // 50 lines: the newest is the formula, then lines 58..10
        assertThat(first).contains("line 58").doesNotContain("line 9<");
        Matcher older = Pattern.compile("id=\"audit-older\" href=\"([^\"]+)\"|href=\"([^\"]+)\"[^>]*id=\"audit-older\"")
                .matcher(first);
        assertThat(older.find()).isTrue();
        String link = (older.group(1) != null ? older.group(1) : older.group(2)).replace("&amp;", "&");
        String second = page(link);
        assertThat(count(second, "line ")).isEqualTo(10);
        assertThat(second).contains("line 9<").contains("line 0<").doesNotContain("line 10<")
                .doesNotContain("audit-older");
    }

    @Test
    @DisplayName("who saw this patient's notes; a period; an action typed in lower case")
    void filters() throws Exception {
        String notes = page("/admin/audit?patient=" + record + "&action=view&notes=true");
        assertThat(count(notes, "line ")).isEqualTo(2);
        String digitsOnly = record.replaceFirst("^CB-0*", "");
        assertThat(count(page("/admin/audit?patient=" + digitsOnly + "&action=view&notes=true"), "line ")).isEqualTo(2);
        String period = page("/admin/audit?user=" + actor + "&from=2025-03-10&to=2025-03-10");
        assertThat(count(period, "line ")).isEqualTo(49);
        assertThat(page("/admin/audit?user=" + actor + "&from=2025-03-11")).contains("No lines match.");
        assertThat(count(page("/admin/audit?user=" + actor + "&action=Update"), "line ")).isEqualTo(49);
    }

    @Test
    @DisplayName("bad filters are field errors on the page, not a failure, and nothing is searched")
    void badFilters() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = 'admin' AND entity_type = 'AUDIT'")
                .query(Long.class).single();
        String html = page("/admin/audit?patient=abc&from=2025-03-10&to=2025-03-01&action=drop%20table");
        assertThat(html).contains("The end of the period is before its start.")
                .contains("An action is one word of letters and underscores").contains("No patient has this record number")
                .contains("No lines match.");
        String csv = page("/admin/audit/export?from=2025-03-10&to=2025-03-01");
        assertThat(csv).contains("The end of the period is before its start.");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = 'admin' AND entity_type = 'AUDIT'")
                .query(Long.class).single()).isEqualTo(before);
    }

    @Test
    @DisplayName("CSV of a search: every line (no page limit), formulas defused, the export itself audited")
    void csv() throws Exception {
        byte[] body = mvc.perform(get("/admin/audit/export").param("user", actor).with(admin))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("audit.csv")))
                .andReturn().getResponse().getContentAsByteArray();
        String csv = new String(body, StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFid,time,user,action");
        assertThat(csv.split("\r\n")).hasSize(61);
        assertThat(csv).contains(",\"'=HYPERLINK(\"\"x\"\")\",").contains("2025-03-10 12:00:00");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = 'admin' AND action = 'EXPORT' "
                + "AND details = ?").param("user=" + actor).query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    @DisplayName("lines say who by name, what in words (in Russian on the Russian page) and the patient's record "
            + "number; a person is found by name as well as login; a patient by record number; an unknown one is a "
            + "field error")
    void inWords() throws Exception {
        jdbc.sql("INSERT INTO audit_event (actor, action, entity_type, entity_id, patient_id, details) "
                + "VALUES ('reception', 'VIEW', 'SESSION_NOTE', 1, ?, ?)").params(patient,
                "msg:rule.CONTRAINDICATION").update();
        String reception = jdbc.sql("SELECT display_name FROM app_user WHERE username = 'reception'")
                .query(String.class).single();
        String byName = mvc.perform(get("/admin/audit").param("patient", record)
                        .param("user", reception.substring(1, 5).toUpperCase()).with(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(byName).contains(">" + record + "<").contains(reception).contains("Viewed").contains("Session note")
                .contains("Contraindication").doesNotContain("msg:").doesNotContain(">VIEW<");
        String russian = mvc.perform(get("/admin/audit").param("patient", record).param("lang", "ru").with(admin))
                .andReturn().getResponse().getContentAsString();
        assertThat(russian).contains("Просмотр").contains("Запись о сеансе").contains("Противопоказание");
        assertThat(com.coursebook.support.ScreenWords.faults("ru audit", russian)).isEmpty();
        assertThat(page("/admin/audit?patient=CB-999999999")).contains("No patient has this record number");
    }

    @Test
    @DisplayName("the chain check on the screen says it holds; only an admin sees the trail")
    void verifyAndAccess() throws Exception {
        assertThat(page("/admin/audit/verify")).contains("The chain holds");
        mvc.perform(get("/admin/audit").with(user("reception").roles("RECEPTIONIST"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/audit/export").with(user("urologist").roles("CLINICIAN")))
                .andExpect(status().isForbidden());
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url).with(admin)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private static int count(String html, String text) {
        return html.split(Pattern.quote(text), -1).length - 1;
    }
}
