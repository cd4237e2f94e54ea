package com.coursebook.platform;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.coursebook.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static com.coursebook.support.ScreenWords.faults;
import static com.coursebook.support.ScreenWords.visibleText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every screen a person can open, for each role, in English and in Russian, rendered by the whole application
 * over the demo data and a course of its own (sessions yesterday, today, tomorrow and one flagged): the text on
 * screen is words, never a placeholder, a code or a missing message.
 */
@IntegrationTest
class EveryScreenInWordsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    Fixture fixture;

    @BeforeEach
    void fixture() {
        fixture = Fixture.create(jdbc);
    }

    @Test
    @DisplayName("every screen of reception, clinicians and the admin reads in words in both languages")
    void everyScreenInWords() throws Exception {
        List<String> faults = new ArrayList<>();
        for (String lang : List.of("en", "ru")) {
            for (Map.Entry<String, List<String>> role : pages().entrySet()) {
                for (String page : role.getValue()) {
                    MvcResult result = mvc.perform(get(page).param("lang", lang)
                            .with(user(users.loadUserByUsername(role.getKey())))).andReturn();
                    int status = result.getResponse().getStatus();
                    if (status != 200) {
                        faults.add(role.getKey() + " " + lang + " " + page + ": HTTP " + status);
                        continue;
                    }
                    String html = result.getResponse().getContentAsString();
                    faults.addAll(faults(role.getKey() + " " + lang + " " + page, html));
                    String name = displayName(role.getKey()); // in the navigation bar, where there is one
                    if (html.contains("id=\"main-nav\"") && !visibleText(html).contains(name)) {
                        faults.add(role.getKey() + " " + lang + " " + page + ": the signed-in person is not called "
                                + name);
                    }
                }
            }
            MvcResult login = mvc.perform(get("/login").param("lang", lang)).andReturn();
            faults.addAll(faults("anonymous " + lang + " /login", login.getResponse().getContentAsString()));
            for (String throttled : List.of("wait=5", "wait=1", "locked=900", "locked=61")) {
                MvcResult refused = mvc.perform(get("/login?" + throttled).param("lang", lang)).andReturn();
                faults.addAll(faults("anonymous " + lang + " /login?" + throttled,
                        refused.getResponse().getContentAsString()));
            }
            MvcResult missing = mvc.perform(get("/patients/999999999").param("lang", lang)
                    .with(user(users.loadUserByUsername("reception")))).andReturn();
            faults.addAll(faults("reception " + lang + " missing patient", missing.getResponse().getContentAsString()));
        }
        assertThat(faults).as("what the screens show instead of words").isEmpty();
    }

    @Test
    @DisplayName("reasons the application stored (a review hold, an abandoned course) read in the page's language, "
            + "and the course's acts and their actors in words")
    void storedReasonsInTheReadersLanguage() throws Exception {
        String holder = jdbc.sql("SELECT min(u.username) FROM course c JOIN app_user u ON u.practitioner_id = "
                + "c.practitioner_id WHERE c.needs_review AND c.review_reason = 'msg:note.review.painAfter|4|2'")
                .query(String.class).single();
        var clinician = user(users.loadUserByUsername(holder));
        assertThat(mvc.perform(get("/today").param("lang", "ru").with(clinician)).andReturn().getResponse()
                .getContentAsString()).contains("Боль 4/10 после сеанса 2").doesNotContain("Pain 4/10");
        assertThat(mvc.perform(get("/today").param("lang", "en").with(clinician)).andReturn().getResponse()
                .getContentAsString()).contains("Pain 4/10 after session 2");
        long abandoned = jdbc.sql("SELECT min(id) FROM course WHERE status = 'ABANDONED'").query(Long.class).single();
        var admin = user(users.loadUserByUsername("admin"));
        String ru = mvc.perform(get("/review/courses/{id}", abandoned).param("lang", "ru").with(admin)).andReturn()
                .getResponse().getContentAsString();
        assertThat(ru).contains("Неявок подряд: 3").contains("Начат").doesNotContain("no-shows");
        assertThat(ru).containsPattern("Dr (Pyotr Urvantsev|Galina Ginzburg)");
    }

    @Test
    @DisplayName("the review's CSV of courses says an abandoned course's reason in the requested language")
    void csvReasonsInWords() throws Exception {
        var admin = user(users.loadUserByUsername("admin"));
        String ru = new String(mvc.perform(get("/review/courses/export").param("outcome", "ABANDONED")
                .param("lang", "ru").with(admin)).andReturn().getResponse().getContentAsByteArray(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(ru).contains("Неявок подряд: 3").doesNotContain("msg:");
        String en = new String(mvc.perform(get("/review/courses/export").param("outcome", "ABANDONED")
                .param("lang", "en").with(admin)).andReturn().getResponse().getContentAsByteArray(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(en).contains("3 no-shows in a row").doesNotContain("msg:");
    }

    @Test
    @DisplayName("the completion report's stop reasons come in the caller's language from the JSON API too")
    void apiReasonsInWords() throws Exception {
        String json = mvc.perform(get("/api/reports/course-completion")
                .param("from", fixture.today.minusDays(400).toString()).param("to", fixture.today.toString())
                .header("Accept-Language", "ru").with(httpBasic("admin", "demo"))).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(json).contains("\"stoppedByReason\"").containsPattern("Побочные эффекты|Симптомы прошли|"
                + "Переезд в другой город|Направлен\\(а\\) на операцию|Выявлено противопоказание")
                .doesNotContain("msg:");
    }

    @Test
    @DisplayName("what a screen says after an act (a refusal, the override prompt) reads in words in both languages")
    void afterAnActInWords() throws Exception {
        long urologist = jdbc.sql("SELECT practitioner_id FROM app_user WHERE username = 'urologist'")
                .query(Long.class).single();
        jdbc.sql("INSERT INTO patient_condition (patient_id, contraindication_id, onset, recorded_by) "
                + "SELECT ?, id, DATE '2020-01-01', 'urologist' FROM contraindication "
                + "WHERE code = 'CHRONIC_BACTERIAL_PROSTATITIS'").param(fixture.patient).update();
        List<String> faults = new ArrayList<>();
        for (String lang : List.of("en", "ru")) {
            var clinician = user(users.loadUserByUsername(fixture.clinician));
            // A no-show recorded before the session has begun is refused, naming the session.
            MvcResult early = mvc.perform(post("/sessions/{id}/attendance", fixture.sessions.get(2))
                    .param("outcome", "NO_SHOW").param("lang", lang).with(clinician).with(csrf())).andReturn();
            String sessionPage = mvc.perform(get("/sessions/{id}", fixture.sessions.get(2)).param("lang", lang)
                    .with(clinician).flashAttrs(early.getFlashMap())).andReturn().getResponse().getContentAsString();
            assertThat(sessionPage).contains("ru".equals(lang) ? "Сеанс 3 ещё не начался" : "Session 3 has not begun");
            faults.addAll(faults(lang + " no-show too early", sessionPage));
            // Resuming a course that is not paused is refused.
            MvcResult resume = mvc.perform(post("/courses/{id}/resume", fixture.course).param("lang", lang)
                    .with(clinician).with(csrf())).andReturn();
            faults.addAll(faults(lang + " resume refused", mvc.perform(get("/patients/{id}", fixture.patient)
                    .param("lang", lang).with(clinician).flashAttrs(resume.getFlashMap())).andReturn().getResponse()
                    .getContentAsString()));
            // The plan of a course with a relative contraindication asks the clinician to confirm it, in words.
            String plan = mvc.perform(post("/patients/{id}/courses/check", fixture.patient).param("lang", lang)
                    .param("programCode", "PROSTATE_MASSAGE").param("practitionerId", String.valueOf(urologist))
                    .param("firstDate", fixture.today.plusDays(400).toString()).param("time", "10:00")
                    .param("sessionCount", "10").param("cadenceDays", "2").with(clinician).with(csrf()))
                    .andReturn().getResponse().getContentAsString();
            assertThat(plan).contains("name=\"overrides[0].key\"")
                    .contains("ru".equals(lang) ? "Хронический бактериальный простатит" : "Chronic bacterial prostatitis");
            faults.addAll(faults(lang + " override prompt", plan));
        }
        assertThat(faults).as("what the screens show instead of words").isEmpty();
    }

    @Test
    @DisplayName("the page check itself catches a placeholder, a code and a missing message")
    void theCheckCatchesEachFault() {
        assertThat(faults("p", "<main><p>Session {0} has not begun yet</p></main>")).hasSize(1);
        assertThat(faults("p", "<main><td>PROSTATE_MASSAGE 3/10</td></main>")).hasSize(1);
        assertThat(faults("p", "<main><label>Why CONTRAINDICATION:CHRONIC_PROSTATITIS is fine</label></main>"))
                .isNotEmpty();
        assertThat(faults("p", "<main><span>??course.title_ru??</span></main>")).hasSize(1);
        assertThat(faults("p", "<main><li>2026-02-19 STARTED</li></main>")).hasSize(1);
        assertThat(faults("p", "<main><code>PROSTATE_MASSAGE</code> <option value=\"NO_SHOW\">No-show</option>"
                + "<script>var A_B = 1;</script></main>")).isEmpty();
    }

    private Map<String, List<String>> pages() {
        Map<String, List<String>> pages = new LinkedHashMap<>();
        long demoPatient = jdbc.sql("SELECT min(patient_id) FROM course WHERE needs_review").query(Long.class).single();
        String demoRecord = jdbc.sql("SELECT record_number FROM patient WHERE id = ?").param(demoPatient)
                .query(String.class).single();
        long stoppedPatient = jdbc.sql("SELECT min(patient_id) FROM course WHERE status = 'STOPPED' "
                + "AND status_reason LIKE 'msg:%'").query(Long.class).single();
        long demoSession = jdbc.sql("SELECT max(s.id) FROM course_session s JOIN course c ON c.id = s.course_id "
                + "WHERE c.patient_id = ?").param(demoPatient).query(Long.class).single();
        long demoPractitioner = jdbc.sql("SELECT practitioner_id FROM app_user WHERE username = 'urologist'")
                .query(Long.class).single();
        long room = jdbc.sql("SELECT min(id) FROM room").query(Long.class).single();
        String day = fixture.today.toString();
        List<String> desk = List.of("/patients", "/patients?q=a", "/patients/results?q=a", "/patients/new",
                "/patients/" + fixture.patient, "/patients/" + fixture.patient + "/edit",
                "/patients/" + fixture.patient + "/courses/new", "/patients/" + demoPatient, "/patients/" + stoppedPatient,
                "/courses/" + fixture.course + "/print", "/calendar", "/calendar?practitioner=" + fixture.practitioner
                        + "&date=" + day, "/calendar?practitioner=" + fixture.practitioner + "&date=" + day
                        + "&view=day", "/calendar?room=" + room, "/calendar?practitioner=" + demoPractitioner,
                "/sessions/" + fixture.sessions.get(0), "/sessions/" + fixture.sessions.get(1),
                "/sessions/" + fixture.sessions.get(3), "/sessions/" + demoSession, "/worklist", "/catalog",
                "/account/tokens");
        pages.put("reception", desk);
        List<String> clinician = new ArrayList<>(desk);
        clinician.addAll(List.of("/today", "/today?date=" + fixture.today.plusDays(1),
                "/sessions/" + fixture.sessions.get(1) + "/note", "/sessions/" + demoSession + "/note"));
        pages.put(fixture.clinician, clinician);
        pages.put("urologist", List.of("/today", "/patients/" + demoPatient, "/account/password"));
        long heldCourse = jdbc.sql("SELECT min(course_id) FROM course_event WHERE act = 'HOLD_FOR_REVIEW'")
                .query(Long.class).single();
        long abandoned = jdbc.sql("SELECT min(id) FROM course WHERE status = 'ABANDONED'").query(Long.class).single();
        long stopped = jdbc.sql("SELECT min(id) FROM course WHERE status = 'STOPPED'").query(Long.class).single();
        String contraindication = jdbc.sql("SELECT min(code) FROM contraindication").query(String.class).single();
        pages.put("admin", List.of("/review", "/review/courses", "/review/courses?outcome=STOPPED",
                "/review/courses/" + heldCourse, "/review/courses/" + abandoned, "/review/courses/" + stopped,
                "/catalog", "/admin/catalog/programs/PROSTATE_MASSAGE",
                "/admin/catalog/contraindications/" + contraindication, "/admin/scheduling",
                "/admin/scheduling/practitioners/" + demoPractitioner, "/admin/scheduling/closures",
                "/admin/scheduling/rooms", "/admin/audit", "/admin/audit?patient=" + demoRecord + "&action=view&notes=true",
                "/admin/audit?to=2000-01-01&from=2001-01-01&patient=0", "/admin/audit/verify", "/admin/sign-in", "/account/tokens", "/admin/staff", "/admin/staff/new",
                "/admin/staff/" + userId("urologist"), "/admin/staff/" + userId(fixture.clinician),
                "/account/password",
                // Backups (issue 18)
                "/admin/backups",
                // Clinic administration (issue 12)
                "/admin/scheduling/locations", "/admin/scheduling/locations/new",
                "/admin/scheduling/locations/" + jdbc.sql("SELECT min(id) FROM location").query(Long.class).single(),
                "/admin/scheduling/practitioners/new", "/admin/scheduling/practitioners/" + demoPractitioner + "/edit",
                "/admin/scheduling/room-types", "/admin/catalog/programs/new", "/admin/catalog/contraindications/new"));
        return pages;
    }

    private long userId(String login) {
        return jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(login).query(Long.class).single();
    }

    private String displayName(String login) {
        return jdbc.sql("SELECT display_name FROM app_user WHERE username = ?").param(login).query(String.class)
                .single();
    }

    /**
     * A clinician of its own (display name, practitioner) and a prostate-massage course of a patient nobody else
     * uses: sessions yesterday (booked: day passed), today, tomorrow (to confirm), and in six days flagged by a
     * recorded condition, with a clinician's override of a warning.
     */
    record Fixture(String clinician, long practitioner, long patient, long course, List<Long> sessions,
            LocalDate today) {

        static Fixture create(JdbcClient jdbc) {
            String tag = Long.toString(System.nanoTime(), 36);
            LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));
            long practitioner = jdbc.sql("INSERT INTO practitioner (given_name, family_name, specialty) "
                    + "VALUES ('Wanda', ?, 'UROLOGY') RETURNING id").param("Wordsworth" + tag).query(Long.class).single();
            String login = "words" + tag;
            jdbc.sql("WITH u AS (INSERT INTO app_user (username, password_hash, display_name, practitioner_id) "
                    + "VALUES (?, 'x', 'Dr Wanda Wordsworth', ?) RETURNING id) "
                    + "INSERT INTO app_user_role (user_id, role) SELECT id, 'CLINICIAN' FROM u")
                    .params(login, practitioner).update();
            long patient = jdbc.sql("INSERT INTO patient (given_name, family_name, birth_date, sex) "
                    + "VALUES ('Lev', ?, DATE '1970-03-04', 'MALE') RETURNING id").param("Slovarev" + tag)
                    .query(Long.class).single();
            long course = jdbc.sql("INSERT INTO course (patient_id, program_id, practitioner_id, prescribed_sessions, "
                    + "cadence_days, status, created_by) SELECT ?, id, ?, 10, 2, 'ACTIVE', ? FROM treatment_program "
                    + "WHERE code = 'PROSTATE_MASSAGE' RETURNING id").params(patient, practitioner, login)
                    .query(Long.class).single();
            List<Long> sessions = new ArrayList<>();
            int[] offsets = { -1, 0, 1, 6 };
            for (int n = 0; n < offsets.length; n++) {
                LocalDate date = today.plusDays(offsets[n]);
                sessions.add(jdbc.sql("INSERT INTO course_session (course_id, patient_id, practitioner_id, seq_no, "
                        + "starts_at, ends_at, needs_attention, attention_rule, attention_until) VALUES (?, ?, ?, ?, "
                        + "(?::date + time '07:10') AT TIME ZONE 'Europe/Moscow', "
                        + "(?::date + time '07:50') AT TIME ZONE 'Europe/Moscow', ?, ?, ?) RETURNING id")
                        .params(course, patient, practitioner, n + 1, date, date, n == 3,
                                n == 3 ? "CONTRAINDICATION" : null, n == 3 ? today.plusDays(20) : null)
                        .query(Long.class).single());
            }
            String condition = jdbc.sql("SELECT min(code) FROM contraindication WHERE severity = 'RELATIVE'")
                    .query(String.class).single();
            jdbc.sql("INSERT INTO rule_override (course_id, rule_code, finding, reason, overridden_by) "
                    + "VALUES (?, 'CONTRAINDICATION', ?, 'Benefit outweighs the risk', ?)")
                    .params(course, "CONTRAINDICATION:" + condition, login).update();
            return new Fixture(login, practitioner, patient, course, sessions, today);
        }
    }
}
