package com.coursebook.patient;

import com.coursebook.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class PatientApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("a receptionist registers a patient: 201, Location, stored, and the act is audited")
    void register() throws Exception {
        MvcResult result = mvc.perform(post("/api/patients").with(httpBasic("reception", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"givenName":"Kirill","familyName":"Apitestov","birthDate":"1981-02-03","sex":"MALE",
                                 "phone":"+7 901 000-00-01","email":"kirill@example.org"}"""))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", matchesPattern(".*/api/patients/\\d+")))
                .andExpect(jsonPath("$.id").isNumber())
                .andExpect(jsonPath("$.recordNumber").value(matchesPattern("CB-\\d{6}")))
                .andReturn();
        String location = result.getResponse().getHeader("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        mvc.perform(get("/api/patients/{id}", id).with(httpBasic("reception", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.familyName").value("Apitestov"))
                .andExpect(jsonPath("$.birthDate").value("1981-02-03"));
        mvc.perform(get("/api/patients").param("query", "apitest").with(httpBasic("urologist", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem((int) id)));

        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE patient_id = ? AND actor = 'reception' ORDER BY id")
                .param(id).query(String.class).list()).containsExactly("CREATE", "VIEW");
    }

    @Test
    @DisplayName("a missing family name and a future birth date: 400 problem+json naming both fields, nothing stored")
    void invalid() throws Exception {
        // a future date within 1900-2100 (one beyond is refused already while reading the body, on its own)
        long before = countPatients();
        mvc.perform(post("/api/patients").with(httpBasic("reception", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"givenName":"Nobody","birthDate":"2099-01-01","sex":"FEMALE","email":"not-an-email"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[?(@.field == 'familyName')].message").value("Enter the family name."))
                .andExpect(jsonPath("$.errors[?(@.field == 'birthDate')]").isNotEmpty())
                .andExpect(jsonPath("$.errors[?(@.field == 'email')]").isNotEmpty());
        assertThat(countPatients()).isEqualTo(before);
    }

    @Test
    @DisplayName("a malformed date or an unknown sex: 400 naming the field, not a 500")
    void unreadable() throws Exception {
        mvc.perform(post("/api/patients").with(httpBasic("reception", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"givenName":"A","familyName":"B","birthDate":"03/02/1981","sex":"MALE"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("birthDate"));
        mvc.perform(post("/api/patients").with(httpBasic("reception", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"givenName":"A","familyName":"B","birthDate":"1981-02-03","sex":"UNKNOWN"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sex"));
        mvc.perform(post("/api/patients").with(httpBasic("reception", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid request"));
    }

    @Test
    @DisplayName("a possible duplicate is pointed out (409) and registered only when confirmed")
    void duplicate() throws Exception {
        String body = """
                {"givenName":"Vera","familyName":"Dubletova","birthDate":"1990-04-05","sex":"FEMALE"%s}""";
        mvc.perform(post("/api/patients").with(httpBasic("reception", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(body.formatted("")))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/patients").with(httpBasic("reception", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(body.formatted("").replace("Vera", "VERA")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.duplicates[0].fullName").value("Dubletova Vera"));
        mvc.perform(post("/api/patients").with(httpBasic("reception", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(body.formatted(",\"confirmDuplicate\":true")))
                .andExpect(status().isCreated());
        assertThat(jdbc.sql("SELECT count(*) FROM patient WHERE family_name = 'Dubletova'").query(Long.class).single())
                .isEqualTo(2L);
    }

    @Test
    @DisplayName("correcting with a stale version is refused with 409 and changes nothing")
    void staleVersion() throws Exception {
        String created = mvc.perform(post("/api/patients").with(httpBasic("reception", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"givenName":"Stas","familyName":"Versionov","birthDate":"1970-01-02","sex":"MALE"}"""))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        String id = created.substring(created.lastIndexOf('/') + 1);
        String update = """
                {"givenName":"Stanislav","familyName":"Versionov","birthDate":"1970-01-02","sex":"MALE","version":%d}""";
        mvc.perform(put("/api/patients/{id}", id).with(httpBasic("reception", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(update.formatted(0)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.givenName").value("Stanislav"))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(put("/api/patients/{id}", id).with(httpBasic("reception", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(update.formatted(0).replace("Stanislav", "Stan")))
                .andExpect(status().isConflict());
        assertThat(jdbc.sql("SELECT given_name FROM patient WHERE id = ?").param(Long.parseLong(id))
                .query(String.class).single()).isEqualTo("Stanislav");
    }

    @Test
    @DisplayName("an admin may not read the patient registry (least privilege)")
    void adminDenied() throws Exception {
        mvc.perform(get("/api/patients").with(httpBasic("admin", "demo")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    @DisplayName("an unknown patient is a 404 problem, a non-numeric id a 400")
    void notFound() throws Exception {
        mvc.perform(get("/api/patients/{id}", 987654321).with(httpBasic("reception", "demo")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("There is no patient with number 987654321."));
        mvc.perform(get("/api/patients/abc").with(httpBasic("reception", "demo")))
                .andExpect(status().isBadRequest());
    }

    @Test
    @DisplayName("the browser session may use the API, but a state change needs the CSRF token")
    void sessionNeedsCsrf() throws Exception {
        String body = """
                {"givenName":"Sess","familyName":"Csrfova","birthDate":"1985-05-05","sex":"FEMALE"}""";
        mvc.perform(post("/api/patients").with(user("reception").roles("RECEPTIONIST"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/patients").with(user("reception").roles("RECEPTIONIST")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated());
    }

    private long countPatients() {
        return jdbc.sql("SELECT count(*) FROM patient").query(Long.class).single();
    }
}
