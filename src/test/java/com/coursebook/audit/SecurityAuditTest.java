package com.coursebook.audit;

import java.util.List;
import java.util.Map;

import com.coursebook.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.coursebook.catalog.CatalogAdministration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Who signed in, failed to, signed out or was refused, and which patients a search showed: all on the trail. */
@IntegrationTest
class SecurityAuditTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    CatalogAdministration catalog;

    @Autowired
    JdbcClient jdbc;

    String login;

    @BeforeEach
    void freshUser() {
        // A login of the test's own, so lines written by other tests within the burst minute never merge with ours.
        login = "audit" + System.nanoTime();
        jdbc.sql("WITH u AS (INSERT INTO app_user (username, password_hash, display_name) "
                + "SELECT ?, password_hash, 'Audit Tester' FROM app_user WHERE username = 'reception' RETURNING id) "
                + "INSERT INTO app_user_role (user_id, role) SELECT id, 'RECEPTIONIST' FROM u")
                .param(login).update();
    }

    @Test
    @DisplayName("sign-in, a failed sign-in with the name tried (never the password), a disabled account, sign-out")
    void signInsRecorded() throws Exception {
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user(login).password("demo"))
                .andExpect(status().is3xxRedirection()).andReturn().getRequest().getSession();
        mvc.perform(post("/logout").with(csrf()).session(session)).andExpect(status().is3xxRedirection());
        mvc.perform(formLogin("/login").user(login).password("wrong-secret-9"))
                .andExpect(status().is3xxRedirection());
        String unknown = "nobody" + System.nanoTime();
        mvc.perform(formLogin("/login").user(unknown).password("guess-secret-7"));
        jdbc.sql("UPDATE app_user SET enabled = false WHERE username = ?").param(login).update();
        mvc.perform(formLogin("/login").user(login).password("demo"));

        assertThat(lines(login)).containsExactly(
                "SIGN_IN|form", "SIGN_OUT|null", "SIGN_IN_FAILED|bad credentials; form",
                "SIGN_IN_FAILED|account disabled; form");
        assertThat(lines(unknown)).containsExactly("SIGN_IN_FAILED|bad credentials; form");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE details LIKE '%secret%' OR actor LIKE '%secret%'")
                .query(Long.class).single()).isZero();
    }

    @Test
    @DisplayName("a signed-in person refused (403), on a screen and in the API, is on the trail with what was asked")
    void deniedRecorded() throws Exception {
        mvc.perform(get("/admin/scheduling").with(user(login).roles("RECEPTIONIST"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/reports/course-completion").with(httpBasic(login, "demo")))
                .andExpect(status().isForbidden());
        assertThat(lines(login)).contains("DENIED|GET /admin/scheduling", "DENIED|GET /api/reports/course-completion");
    }

    @Test
    @DisplayName("a refusal by a method's own rule (@PreAuthorize) is recorded too, naming the method")
    void methodDenialRecorded() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(login,
                null, List.of(new SimpleGrantedAuthority("ROLE_RECEPTIONIST"))));
        try {
            assertThatThrownBy(() -> catalog.retireContraindication("FEVER"))
                    .isInstanceOf(AuthorizationDeniedException.class);
        }
        finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(lines(login)).contains("DENIED|CatalogAdministration.retireContraindication");
        assertThat(jdbc.sql("SELECT active FROM contraindication WHERE code = 'FEVER'").query(Boolean.class).single())
                .as("still in use").isTrue();
    }

    @Test
    @DisplayName("a search keeps the ids of the patients it showed; a burst of identical reads is one line with a count")
    void searchIdsAndBursts() throws Exception {
        long patient = jdbc.sql("INSERT INTO patient (given_name, family_name, birth_date, sex) "
                + "VALUES ('Ivan', 'Auditorov', DATE '1970-01-01', 'MALE') RETURNING id").query(Long.class).single();
        mvc.perform(get("/api/patients").param("query", "auditorov").with(httpBasic(login, "demo")))
                .andExpect(status().isOk());
        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/api/patients/{id}", patient).with(httpBasic(login, "demo"))).andExpect(status().isOk());
        }
        assertThat(lines(login)).contains("SEARCH|query=auditorov; results=1; ids=" + patient);
        List<Map<String, Object>> views = jdbc.sql("SELECT e.id, r.repeat_count FROM audit_event e "
                + "LEFT JOIN audit_repeat r ON r.event_id = e.id WHERE e.actor = ? AND e.action = 'VIEW' "
                + "AND e.patient_id = ?").params(login, patient).query().listOfRows();
        assertThat(views).hasSize(1);
        assertThat(views.get(0).get("repeat_count")).isEqualTo(2);
        // HTTP Basic signs in on every call: four calls, one line counted three more times.
        assertThat(jdbc.sql("SELECT r.repeat_count FROM audit_event e JOIN audit_repeat r ON r.event_id = e.id "
                + "WHERE e.actor = ? AND e.action = 'SIGN_IN'").param(login).query(Integer.class).single()).isEqualTo(3);
    }

    private List<String> lines(String actor) {
        return jdbc.sql("SELECT action || '|' || coalesce(details, 'null') FROM audit_event WHERE actor = ? ORDER BY id")
                .param(actor).query(String.class).list();
    }
}
