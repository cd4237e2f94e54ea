package com.coursebook.platform.web;

import java.time.LocalDate;
import java.time.ZoneId;

import com.coursebook.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every bad input a clear 4xx, with the field named: dates outside 1900–2100 anywhere (body, form, query), offsets
 * converted to the clinic's time, NUL in text refused as the field's mistake, and nothing stored.
 */
@IntegrationTest
class InputRulesTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Moscow"));

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("a course in the year 10000 and a condition from 0001-01-01 to 9999-12-31 are refused with 400 naming "
            + "each field; nothing is stored")
    void datesOutOfRangeInBodies() throws Exception {
        long patient = patient("Dalekov");
        long before = rows();
        mvc.perform(post("/api/courses").with(reception()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"patientId\":" + patient + ",\"programCode\":\"PROSTATE_MASSAGE\","
                                + "\"firstSessionAt\":\"+10000-01-03T10:00\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("firstSessionAt"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("between 1900 and 2100")));
        mvc.perform(post("/api/courses").with(reception()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"patientId\":" + patient + ",\"programCode\":\"PROSTATE_MASSAGE\","
                                + "\"firstSessionAt\":\"2030-01-03T10:00\",\"sessionStarts\":[\"2030-01-03T10:00\","
                                + "\"2101-01-01T10:00\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sessionStarts.1"));
        mvc.perform(post("/api/patients/{id}/conditions", patient).with(httpBasic("urologist", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"ACUTE_PROSTATITIS\",\"onset\":\"0001-01-01\",\"expectedEnd\":\"9999-12-31\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("onset"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("1900-01-01 and 2100-12-31")));
        mvc.perform(post("/api/patients/{id}/conditions", patient).with(httpBasic("urologist", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"ACUTE_PROSTATITIS\",\"onset\":\"" + TODAY + "\",\"expectedEnd\":\"9999-12-31\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("expectedEnd"));
        assertThat(rows()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "/calendar?date=+999999999-01-01", "/calendar?date=1899-12-31", "/today?date=+999999999-12-31",
            "/review?from=+999999999-01-01", "/review/courses?from=2026-03-01&to=2026-01-01",
            "/review/courses/export?from=2026-03-01&to=2026-01-01", "/review/export/months?from=2026-03-01&to=2026-01-01",
            "/review?to=10000-01-01" })
    @DisplayName("screens: a query date outside 1900–2100, or a period the wrong way round, is a 400 page in words")
    void screenQueries(String url) throws Exception {
        String role = url.startsWith("/review") ? "ADMIN" : url.startsWith("/today") ? "CLINICIAN" : "RECEPTIONIST";
        mvc.perform(get(url).with(user("someone").roles(role)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("could not be read")));
    }

    @Test
    @DisplayName("forms: a closure on 9999-12-31 and leave from 0001-01-01 are shown again with the reason beside the "
            + "date; nothing is stored")
    void formDatesOutOfRange() throws Exception {
        var admin = user("admin").roles("ADMIN");
        long closures = jdbc.sql("SELECT count(*) FROM clinic_closure").query(Long.class).single();
        long absences = jdbc.sql("SELECT count(*) FROM practitioner_absence").query(Long.class).single();
        mvc.perform(post("/admin/scheduling/closures").with(admin).with(csrf()).param("closedOn", "9999-12-31")
                        .param("reason", "Far away"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("between 1900 and 2100")));
        long practitioner = jdbc.sql("SELECT practitioner_id FROM app_user WHERE username = 'urologist'")
                .query(Long.class).single();
        mvc.perform(post("/admin/scheduling/practitioners/{id}/absences", practitioner).with(admin).with(csrf())
                        .param("startsOn", "0001-01-01").param("endsOn", "+999999999-12-31").param("reason", "Long"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("between 1900 and 2100")));
        assertThat(jdbc.sql("SELECT count(*) FROM clinic_closure").query(Long.class).single()).isEqualTo(closures);
        assertThat(jdbc.sql("SELECT count(*) FROM practitioner_absence").query(Long.class).single()).isEqualTo(absences);
    }

    @Test
    @DisplayName("the 400 page reads in Russian for a Russian reader")
    void badRequestPageInRussian() throws Exception {
        mvc.perform(get("/calendar").param("date", "+999999999-01-01").param("lang", "ru")
                        .with(user("reception").roles("RECEPTIONIST")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Запрос не удалось прочитать")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "/api/reports/course-completion?from=+999999999-01-01&to=2026-01-01, from, admin",
            "/api/reports/course-completion?from=2026-01-01&to=10000-01-01, to, admin",
            "/api/clinicians/me/sessions?date=+999999999-01-01, date, urologist",
            "/api/practitioners/1/free-slots?from=0001-01-01&to=2026-01-01&minutes=40, from, reception" })
    @DisplayName("API: a query date outside 1900–2100 is 400 problem+json naming the parameter")
    void apiQueries(String url, String field, String who) throws Exception {
        mvc.perform(get(url).with(httpBasic(who, "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("1900")));
    }

    @Test
    @DisplayName("a date-time with Z or an offset is converted to the clinic's time (Moscow, +03:00), not read as if "
            + "the offset were not there")
    void offsetsConverted() throws Exception {
        long patient = patient("Smeshchenov");
        LocalDate day = TODAY.plusDays(30);
        String request = "{\"patientId\":" + patient + ",\"programCode\":\"PROSTATE_MASSAGE\",\"sessionCount\":2,"
                + "\"firstSessionAt\":\"" + day + "T07:00:00Z\",\"sessionStarts\":[\"" + day + "T07:00Z\",\""
                + day.plusDays(2) + "T12:00+05:00\",\"" + day.plusDays(4) + "T10:00\"]}";
        mvc.perform(post("/api/courses/check").with(reception()).contentType(MediaType.APPLICATION_JSON).content(request))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sessions[0].startsAt").value(day + "T10:00:00"))
                .andExpect(jsonPath("$.sessions[1].startsAt").value(day.plusDays(2) + "T10:00:00"))
                .andExpect(jsonPath("$.sessions[2].startsAt").value(day.plusDays(4) + "T10:00:00"));
    }

    @Test
    @DisplayName("a NUL character in a JSON string is a 400 naming the field, not a 409 'conflicts with stored data'; "
            + "in a form it is shown beside the field; in a query parameter it is a 400; nothing is stored")
    void nulRefused() throws Exception {
        long before = rows();
        mvc.perform(post("/api/patients").with(reception()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"givenName\":\"Ivan\",\"familyName\":\"Nul\\u0000ev\",\"birthDate\":\"1970-01-01\","
                                + "\"sex\":\"MALE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("familyName"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("NUL")));
        mvc.perform(post("/patients").with(user("reception").roles("RECEPTIONIST")).with(csrf())
                        .param("givenName", "Iv\0an").param("familyName", "Nulev").param("birthDate", "1970-01-01")
                        .param("sex", "MALE"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Must not contain the NUL character")));
        mvc.perform(get("/api/patients").param("query", "iv\0an").with(reception()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("query"));
        mvc.perform(get("/patients").param("q", "iv\0an").with(user("reception").roles("RECEPTIONIST")))
                .andExpect(status().isBadRequest());
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    @DisplayName("a record-number search with 20 digits finds nothing (200), and a birth date in the year +999999999 too")
    void hugeSearches() throws Exception {
        mvc.perform(get("/api/patients").param("query", "CB99999999999999999999").with(reception()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$").isEmpty());
        mvc.perform(get("/api/patients").param("query", "CB-99999999999999999999").with(reception()))
                .andExpect(status().isOk());
        mvc.perform(get("/api/patients").param("query", "+999999999-01-01").with(reception()))
                .andExpect(status().isOk());
        mvc.perform(get("/patients").param("q", "CB99999999999999999999").with(user("reception").roles("RECEPTIONIST")))
                .andExpect(status().isOk());
    }

    @Test
    @DisplayName("API answers carry Referrer-Policy: same-origin, as the screens do")
    void referrerPolicyOnTheApi() throws Exception {
        mvc.perform(get("/api/patients").with(reception()))
                .andExpect(status().isOk())
                .andExpect(header().string("Referrer-Policy", "same-origin"));
        mvc.perform(get("/api/patients").param("query", "\0").with(reception()))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Referrer-Policy", "same-origin"));
    }

    private long patient(String familyName) {
        return jdbc.sql("INSERT INTO patient (given_name, family_name, birth_date, sex) VALUES ('Test', ?, "
                + "DATE '1970-01-01', 'MALE') RETURNING id").param(familyName + System.nanoTime()).query(Long.class).single();
    }

    private long rows() {
        return jdbc.sql("SELECT (SELECT count(*) FROM patient) + (SELECT count(*) FROM course) + (SELECT count(*) "
                + "FROM course_session) + (SELECT count(*) FROM patient_condition) + (SELECT count(*) FROM audit_event "
                + "WHERE action NOT IN ('VIEW', 'SEARCH', 'SIGN_IN', 'SIGN_IN_FAILED', 'DENIED'))").query(Long.class)
                .single(); // records of access (reads, sign-ins, refusals: one line a minute) are not writes of what was refused
    }

    private static RequestPostProcessor reception() {
        return httpBasic("reception", "demo");
    }
}
