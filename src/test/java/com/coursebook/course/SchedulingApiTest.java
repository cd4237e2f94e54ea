package com.coursebook.course;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.coursebook.support.IntegrationTest;
import com.coursebook.support.TestRecords;
import com.coursebook.support.QueryCounter;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static com.coursebook.course.CourseRulesApiTest.TODAY;
import static com.coursebook.course.CourseRulesApiTest.course;
import static com.coursebook.course.CourseRulesApiTest.monday;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Booking under concurrency, moving and cancelling, and the calendar's cost, against the real database. */
@IntegrationTest
class SchedulingApiTest {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("50 receptionists book overlapping courses for one practitioner at the same instant: exactly one wins, "
            + "the rest get a clean 409, and nothing of theirs is stored")
    void fiftyConcurrentBookings() throws Exception {
        long practitioner = practitioner("Gonkin");
        LocalDate start = monday(TODAY.plusDays(300));
        int threads = 50;
        List<Long> patients = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            patients.add(patient("Gonka" + i));
        }
        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString("reception:demo".getBytes(StandardCharsets.UTF_8));
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<HttpResponse<String>>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            // minutes apart, so every pair of courses overlaps on every session
            String body = course(patients.get(i), "PROSTATE_MASSAGE", practitioner, 8, start,
                    String.format("10:%02d", i % 20));
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/courses"))
                    .header("Authorization", auth).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            results.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            }));
        }
        ready.await();
        go.countDown();
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (Future<HttpResponse<String>> result : results) {
            responses.add(result.get());
        }
        pool.shutdown();

        Map<Integer, Long> byStatus = responses.stream()
                .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
        assertThat(byStatus).containsOnlyKeys(201, 409);
        assertThat(byStatus.get(201)).isEqualTo(1L);
        assertThat(byStatus.get(409)).isEqualTo(threads - 1L);
        assertThat(responses.stream().filter(r -> r.statusCode() == 409))
                .allSatisfy(r -> assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json")));
        assertThat(jdbc.sql("SELECT count(*) FROM course_session WHERE practitioner_id = ?").param(practitioner)
                .query(Long.class).single()).isEqualTo(8L);
        assertThat(jdbc.sql("SELECT count(*) FROM course WHERE practitioner_id = ?").param(practitioner)
                .query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    @DisplayName("back-to-back sessions for one practitioner both succeed (the ranges are half-open)")
    void backToBack() throws Exception {
        long practitioner = practitioner("Stykov");
        LocalDate start = monday(TODAY.plusDays(310));
        book(patient("Styk1"), practitioner, start, "10:00", 201);
        book(patient("Styk2"), practitioner, start, "10:30", 201);
        book(patient("Styk3"), practitioner, start, "10:59", 409);
    }

    @Test
    @DisplayName("moving a session re-runs the rules: too close to the previous one is refused (422); "
            + "'and later' shifts the rest of the course keeping its rhythm")
    void move() throws Exception {
        long practitioner = practitioner("Perenosov");
        LocalDate start = monday(TODAY.plusDays(320));
        String created = book(patient("Peren"), practitioner, start, "09:00", 201);
        List<Integer> ids = JsonPath.read(created, "$.sessions[*].id");
        // session 2 (Wednesday) to Tuesday: one day after session 1, the program needs two
        mvc.perform(patch("/api/sessions/{id}", ids.get(1)).with(httpBasic("reception", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"startsAt\":\"" + start.plusDays(1) + "T09:00\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.findings[0].rule").value("CADENCE"));
        // session 3 (Friday) and all later by one week: the gaps stay as they were
        List<String> before = JsonPath.read(created, "$.sessions[*].startsAt");
        String moved = mvc.perform(patch("/api/sessions/{id}", ids.get(2)).with(httpBasic("reception", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"startsAt\":\"" + start.plusDays(11) + "T11:00\",\"andLater\":true}"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<String> after = JsonPath.read(moved, "$.sessions[*].startsAt");
        assertThat(after.subList(0, 2)).isEqualTo(before.subList(0, 2));
        for (int i = 2; i < before.size(); i++) {
            assertThat(LocalDate.parse(after.get(i).substring(0, 10)))
                    .isEqualTo(LocalDate.parse(before.get(i).substring(0, 10)).plusDays(7));
            assertThat(after.get(i)).endsWith("T11:00:00");
        }
    }

    @Test
    @DisplayName("postponing a course by one interval ('and later', each session onto the next one's old date) is "
            + "judged against the final positions: the course does not collide with itself")
    void postponeByOneInterval() throws Exception {
        long practitioner = practitioner("Otlozhin");
        LocalDate start = monday(TODAY.plusDays(325));
        String created = book(patient("Otloz"), practitioner, start, "09:00", 201);
        List<Integer> ids = JsonPath.read(created, "$.sessions[*].id");
        List<String> before = JsonPath.read(created, "$.sessions[*].startsAt");
        String moved = mvc.perform(patch("/api/sessions/{id}", ids.get(0)).with(httpBasic("reception", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"startsAt\":\"" + before.get(1) + "\",\"andLater\":true}"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<String> after = JsonPath.read(moved, "$.sessions[*].startsAt");
        assertThat(after.subList(0, after.size() - 1)).isEqualTo(before.subList(1, before.size()));
        // and back again, earlier: each session onto the previous one's old place
        mvc.perform(patch("/api/sessions/{id}", ids.get(0)).with(httpBasic("reception", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"startsAt\":\"" + before.get(0) + "\",\"andLater\":true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sessions[*].startsAt").value(before));
    }

    @Test
    @DisplayName("moving into a slot another patient holds is refused with 409; cancelling frees the slot")
    void moveIntoTakenSlotThenCancel() throws Exception {
        long practitioner = practitioner("Otmenov");
        LocalDate start = monday(TODAY.plusDays(330));
        String first = book(patient("Otm1"), practitioner, start, "09:00", 201);
        String second = book(patient("Otm2"), practitioner, start, "12:00", 201);
        int firstSession = JsonPath.<List<Integer>>read(first, "$.sessions[*].id").get(0);
        int secondSession = JsonPath.<List<Integer>>read(second, "$.sessions[*].id").get(0);
        mvc.perform(patch("/api/sessions/{id}", secondSession).with(httpBasic("reception", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"startsAt\":\"" + start + "T09:15\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.conflictsWith").value("PRACTITIONER"));
        mvc.perform(post("/api/sessions/{id}/cancel", firstSession).with(httpBasic("reception", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sessions[0].status").value("CANCELLED_EARLY"));
        mvc.perform(patch("/api/sessions/{id}", secondSession).with(httpBasic("reception", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"startsAt\":\"" + start + "T09:15\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/sessions/{id}/cancel", firstSession).with(httpBasic("reception", "demo")))
                .andExpect(status().isConflict());
    }

    @Test
    @DisplayName("the week calendar costs the same number of SQL statements for 6 sessions as for 48")
    void calendarQueryCount() throws Exception {
        long practitioner = practitioner("Kalendarev");
        LocalDate week = monday(TODAY.plusDays(400));
        insertSessions(practitioner, week.minusWeeks(1), 1); // a light week: 6 sessions
        insertSessions(practitioner, week, 8);               // a full week: 48 sessions

        Function<LocalDate, Integer> statementsFor = monday -> {
            QueryCounter.reset();
            try {
                mvc.perform(get("/calendar").param("practitioner", String.valueOf(practitioner))
                                .param("date", monday.toString()).with(user("reception").roles("RECEPTIONIST")))
                        .andExpect(status().isOk());
            }
            catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
            return QueryCounter.count();
        };
        int light = statementsFor.apply(week.minusWeeks(1));
        int full = statementsFor.apply(week);
        System.out.printf("Week calendar: %d SQL statements for 6 sessions, %d for 48 sessions%n", light, full);
        assertThat(light).as("the counter sees the page's statements").isPositive();
        assertThat(full).isEqualTo(light);

        mvc.perform(get("/api/practitioners/{id}/sessions", practitioner).param("from", week.toString())
                        .param("to", week.plusDays(6).toString()).with(httpBasic("reception", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(48)))
                .andExpect(jsonPath("$[0].number").value(1))
                .andExpect(jsonPath("$[0].of").value(8));
        mvc.perform(get("/api/practitioners/{id}/sessions", practitioner).param("from", week.toString())
                        .param("to", week.plusDays(6).toString()).with(httpBasic("admin", "demo")))
                .andExpect(status().isForbidden());
    }

    /** Sessions for a practitioner Monday to Saturday, {@code perDay} a day, each of its own 8-session course. */
    private void insertSessions(long practitioner, LocalDate monday, int perDay) {
        long program = jdbc.sql("SELECT id FROM treatment_program WHERE code = 'PROSTATE_MASSAGE'").query(Long.class)
                .single();
        for (int day = 0; day < 6; day++) {
            for (int slot = 0; slot < perDay; slot++) {
                long patient = patient("Kal" + day + "x" + slot);
                long course = jdbc.sql("INSERT INTO course (patient_id, program_id, practitioner_id, prescribed_sessions, "
                                + "cadence_days, created_by) VALUES (?, ?, ?, 8, 2, 'test') RETURNING id")
                        .params(patient, program, practitioner).query(Long.class).single();
                jdbc.sql("INSERT INTO course_session (course_id, patient_id, practitioner_id, seq_no, starts_at, ends_at) "
                                + "VALUES (?, ?, ?, 1, (?::date + make_interval(hours => 8 + ?)) AT TIME ZONE 'Europe/Moscow', "
                                + "(?::date + make_interval(hours => 8 + ?, mins => 30)) AT TIME ZONE 'Europe/Moscow')")
                        .params(course, patient, practitioner, monday.plusDays(day), slot, monday.plusDays(day), slot)
                        .update();
            }
        }
    }

    private String book(long patient, long practitioner, LocalDate start, String time, int expected) throws Exception {
        return mvc.perform(post("/api/courses").with(httpBasic("reception", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content(course(patient, "PROSTATE_MASSAGE", practitioner, 8, start, time)))
                .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
    }

    private long practitioner(String familyName) {
        return TestRecords.practitioner(jdbc, familyName);
    }

    private long patient(String familyName) {
        return TestRecords.malePatient(jdbc, familyName);
    }
}
