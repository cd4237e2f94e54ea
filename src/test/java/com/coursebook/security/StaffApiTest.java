package com.coursebook.security;

import java.util.concurrent.atomic.AtomicInteger;

import com.coursebook.support.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The logins' JSON API for admins: what it refuses (naming the field, storing nothing), what it records, what it never shows. */
@IntegrationTest
class StaffApiTest {

    static final AtomicInteger SEQUENCE = new AtomicInteger();

    static final String PASSWORD = "violet kettle morning";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("an admin creates a login: 201, roles and practitioner as sent, a temporary password, no hash anywhere, an audit line without it")
    void create() throws Exception {
        String login = unique("nurse");
        String body = create(login, "Nina Nurse", "[\"RECEPTIONIST\"]", null, PASSWORD)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.username").value(login))
                .andExpect(jsonPath("$.displayName").value("Nina Nurse"))
                .andExpect(jsonPath("$.roles[0]").value("RECEPTIONIST"))
                .andExpect(jsonPath("$.mustChangePassword").value(true))
                .andExpect(jsonPath("$.enabled").value(true))
                .andReturn().getResponse().getContentAsString();
        assertThat(body.toLowerCase()).doesNotContain("password\":\"").doesNotContain("hash").doesNotContain("{bcrypt}")
                .doesNotContain(PASSWORD);
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        mvc.perform(get("/api/users").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].username", hasItem(login)))
                .andExpect(content().string(not(containsString("{bcrypt}"))))
                .andExpect(content().string(not(containsString("passwordHash"))));
        mvc.perform(get("/api/users/{id}", id).with(admin())).andExpect(jsonPath("$.displayName").value("Nina Nurse"));
        String audit = jdbc.sql("SELECT actor || ' ' || action || ' ' || details FROM audit_event "
                + "WHERE entity_type = 'APP_USER' AND entity_id = ?").param(id).query(String.class).single();
        assertThat(audit).startsWith("admin CREATE").contains("username: \"" + login + "\"")
                .contains("roles: [RECEPTIONIST]").doesNotContain(PASSWORD).doesNotContain("bcrypt");
    }

    @Test
    @DisplayName("a clinician may also be an admin; an edit records old and new values; the username stays")
    void clinicianAndAdmin() throws Exception {
        long practitioner = newPractitioner();
        String login = unique("doctor");
        long id = id(create(login, "Dr Dora Doctor", "[\"CLINICIAN\",\"ADMIN\"]", practitioner, PASSWORD)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.roles", containsInAnyOrder("CLINICIAN", "ADMIN")))
                .andExpect(jsonPath("$.practitionerId").value(practitioner)));
        long version = ((Number) JsonPath.read(mvc.perform(get("/api/users/{id}", id).with(admin())).andReturn()
                .getResponse().getContentAsString(), "$.version")).longValue();
        mvc.perform(put("/api/users/{id}", id).with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"displayName\":\"Dr Dora Doktorova\",\"roles\":[\"CLINICIAN\"],\"practitionerId\":"
                                + practitioner + ",\"language\":\"ru\",\"version\":" + version + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.displayName").value("Dr Dora Doktorova"))
                .andExpect(jsonPath("$.roles", containsInAnyOrder("CLINICIAN")))
                .andExpect(jsonPath("$.language").value("ru"));
        assertThat(jdbc.sql("SELECT details FROM audit_event WHERE entity_type = 'APP_USER' AND entity_id = ? "
                + "AND action = 'UPDATE'").param(id).query(String.class).single())
                .contains("displayName: \"Dr Dora Doctor\" → \"Dr Dora Doktorova\"")
                .contains("roles: [CLINICIAN, ADMIN] → [CLINICIAN]").contains("language: null → \"ru\"");
        mvc.perform(put("/api/users/{id}", id).with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"someone-else\",\"displayName\":\"X\",\"roles\":[\"CLINICIAN\"],"
                                + "\"practitionerId\":" + practitioner + ",\"version\":" + (version + 1) + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("username"));
        mvc.perform(put("/api/users/{id}", id).with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"displayName\":\"Stale\",\"roles\":[\"CLINICIAN\"],\"practitionerId\":"
                                + practitioner + ",\"version\":" + version + "}"))
                .andExpect(status().isConflict());
    }

    @Test
    @DisplayName("bad input is a 400 naming the field, in the caller's language, and nothing is stored")
    void refusals() throws Exception {
        long before = users();
        create("admin", "Another Admin", "[\"ADMIN\"]", null, PASSWORD)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("username"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("taken")));
        create(unique("clin"), "Dr No Practitioner", "[\"CLINICIAN\"]", null, PASSWORD)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("practitionerId"));
        create(unique("clin"), "Dr Unknown", "[\"CLINICIAN\"]", 987654321L, PASSWORD)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("practitionerId"));
        long urologist = jdbc.sql("SELECT practitioner_id FROM app_user WHERE username = 'urologist'")
                .query(Long.class).single();
        create(unique("clin"), "Dr Second Login", "[\"CLINICIAN\"]", urologist, PASSWORD)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("practitionerId"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("Dr Pyotr Urvantsev")));
        create(unique("rec"), "Rita Two", "[\"RECEPTIONIST\",\"ADMIN\"]", null, PASSWORD)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("roles"));
        create(unique("rec"), "No Roles", "[]", null, PASSWORD)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("roles"));
        create("Not a login!", "Spaces", "[\"RECEPTIONIST\"]", null, PASSWORD)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("username"));
        create(unique("rec"), " ", "[\"RECEPTIONIST\"]", null, PASSWORD)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("displayName"));
        create(unique("rec"), "Bad Role", "[\"JANITOR\"]", null, PASSWORD)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("roles.0"));
        // The password policy: every reason, on the field, in the caller's language.
        mvc.perform(post("/api/users").with(admin()).header("Accept-Language", "ru")
                        .contentType(MediaType.APPLICATION_JSON).content(json(unique("rec"), "Weak", "[\"RECEPTIONIST\"]",
                                null, "qwerty")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("temporaryPassword", "temporaryPassword")))
                .andExpect(jsonPath("$.errors[*].message", containsInAnyOrder(
                        "Слишком короткий: нужно не меньше 12 символов.",
                        "Это один из самых распространённых паролей: выберите менее предсказуемый.")));
        String same = unique("samename");
        create(same, "Same", "[\"RECEPTIONIST\"]", null, same.toUpperCase() + "")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].message", hasItem("The password must not be the login.")));
        assertThat(users()).as("nothing stored").isEqualTo(before);
    }

    @Test
    @DisplayName("only admins reach the logins API")
    void adminsOnly() throws Exception {
        mvc.perform(get("/api/users").with(httpBasic("reception", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/users").with(httpBasic("urologist", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/users")).andExpect(status().isUnauthorized());
    }

    @Test
    @Transactional // rolled back: the other admins are switched off only inside this test
    @DisplayName("the last active admin can be neither disabled nor demoted; one's own login cannot be disabled")
    void lastAdmin() throws Exception {
        long admin = jdbc.sql("SELECT id FROM app_user WHERE username = 'admin'").query(Long.class).single();
        jdbc.sql("UPDATE app_user SET enabled = false WHERE id <> ? AND id IN "
                + "(SELECT user_id FROM app_user_role WHERE role = 'ADMIN')").param(admin).update();
        // An admin from outside the user store (a test principal) tries it, so the self-check does not answer first.
        var overseer = user("overseer").roles("ADMIN");
        mvc.perform(post("/api/users/{id}/disable", admin).with(overseer).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("last active admin")));
        long version = jdbc.sql("SELECT version FROM app_user WHERE id = ?").param(admin).query(Long.class).single();
        mvc.perform(put("/api/users/{id}", admin).with(overseer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"displayName\":\"Alla Admin\",\"roles\":[\"RECEPTIONIST\"],\"version\":" + version + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("roles"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("last active admin")));
        mvc.perform(post("/api/users/{id}/disable", admin).with(user("admin").roles("ADMIN")).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("your own login")));
        assertThat(jdbc.sql("SELECT enabled FROM app_user WHERE id = ?").param(admin).query(Boolean.class).single())
                .isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM app_user_role WHERE user_id = ? AND role = 'ADMIN'").param(admin)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    @DisplayName("disable, enable and a new temporary password: each audited without the password")
    void disableEnableTemporaryPassword() throws Exception {
        long id = id(create(unique("temp"), "Tom Temp", "[\"RECEPTIONIST\"]", null, PASSWORD));
        mvc.perform(post("/api/users/{id}/disable", id).with(admin()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(post("/api/users/{id}/disable", id).with(admin())).andExpect(status().isConflict());
        mvc.perform(post("/api/users/{id}/enable", id).with(admin()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(true));
        mvc.perform(put("/api/users/{id}/password", id).with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"newPassword\":\"short\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("newPassword"));
        mvc.perform(put("/api/users/{id}/password", id).with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"newPassword\":\"another lilac sentence 7\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.mustChangePassword").value(true));
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE entity_type = 'APP_USER' AND entity_id = ? ORDER BY id")
                .param(id).query(String.class).list())
                .containsExactly("CREATE", "DISABLE", "ENABLE", "TEMPORARY_PASSWORD");
        assertThat(jdbc.sql("SELECT string_agg(coalesce(details, ''), ' ') FROM audit_event WHERE entity_id = ? "
                + "AND entity_type = 'APP_USER'").param(id).query(String.class).single())
                .doesNotContain("another lilac sentence 7").doesNotContain("short");
        mvc.perform(post("/api/users/{id}/disable", 987654321L).with(admin())).andExpect(status().isNotFound());
    }

    static String unique(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
    }

    private ResultActions create(String username, String displayName, String roles, Long practitioner,
            String password) throws Exception {
        return mvc.perform(post("/api/users").with(admin()).contentType(MediaType.APPLICATION_JSON)
                .content(json(username, displayName, roles, practitioner, password)));
    }

    static String json(String username, String displayName, String roles, Long practitioner, String password) {
        return "{\"username\":\"" + username + "\",\"displayName\":\"" + displayName + "\",\"roles\":" + roles
                + (practitioner == null ? "" : ",\"practitionerId\":" + practitioner)
                + ",\"temporaryPassword\":\"" + password + "\"}";
    }

    private static long id(ResultActions created) throws Exception {
        return ((Number) JsonPath.read(created.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
    }

    private long users() {
        return jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();
    }

    private long newPractitioner() {
        return jdbc.sql("INSERT INTO practitioner (given_name, family_name, specialty) VALUES ('Dora', ?, 'UROLOGY') "
                + "RETURNING id").param(unique("Doktorova")).query(Long.class).single();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
        return httpBasic("admin", "demo");
    }
}
