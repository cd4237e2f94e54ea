package com.coursebook.review;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.coursebook.support.IntegrationTest;
import com.coursebook.support.QueryCounter;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The completion dashboard over a fixture with known outcomes, for a practitioner of the test's own (so the demo
 * history in the shared database does not interfere). Every figure is checked against SQL written here, apart
 * from the service, and against the count the fixture was built to have.
 */
@IntegrationTest
class CourseCompletionTest {

    static final ZoneId ZONE = ZoneId.of("Europe/Moscow");

    static final LocalDate FROM = LocalDate.of(2025, 2, 1);

    static final LocalDate TO = LocalDate.of(2025, 6, 30);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CourseCompletion completion;

    long practitioner;

    long location;

    int hour;

    String query;

    @BeforeEach
    void fixture() {
        location = jdbc.sql("INSERT INTO location (name) VALUES (?) RETURNING id")
                .param("Review clinic " + System.nanoTime()).query(Long.class).single();
        practitioner = jdbc.sql("INSERT INTO practitioner (given_name, family_name, specialty, location_id) "
                + "VALUES ('Test', 'Reviewov', 'UROLOGY', ?) RETURNING id").param(location).query(Long.class).single();
        hour = 0;
        LocalDate future = LocalDate.now(ZONE).plusDays(500);
        // Outside the period in the clinic's zone, though inside it in UTC: 31 January, 23:30 in Moscow.
        course("HAEMORRHOID_MASSAGE", 2, "COMPLETED", null, false, LocalDateTime.of(2025, 1, 31, 23, 30), "A", "A");
        // Inside the period in the clinic's zone, though outside it in UTC: 1 February, 00:30 in Moscow.
        course("PROSTATE_MASSAGE", 1, "COMPLETED", null, false, LocalDateTime.of(2025, 2, 1, 0, 30), "A");
        course("PROSTATE_MASSAGE", 4, "COMPLETED", null, false, LocalDateTime.of(2025, 3, 3, 9, 0), "A", "A", "N", "A", "A");
        long blocked = course("PROSTATE_MASSAGE", 3, "COMPLETED", null, false, LocalDateTime.of(2025, 3, 10, 9, 0),
                "A", "X!", "A", "A");
        // Blocked for 10.5 days until a re-check lifted the block.
        event(blocked, "BLOCKED", LocalDateTime.of(2025, 3, 9, 9, 0));
        event(blocked, "UNBLOCKED", LocalDateTime.of(2025, 3, 19, 21, 0));
        long stopped = course("PROSTATE_MASSAGE", 5, "STOPPED", "Side effects", false,
                LocalDateTime.of(2025, 4, 7, 9, 0), "A", "A", "L");
        // Held for 4 days until the clinician's review.
        event(stopped, "HOLD_FOR_REVIEW", LocalDateTime.of(2025, 4, 9, 10, 0));
        event(stopped, "REVIEWED", LocalDateTime.of(2025, 4, 13, 10, 0));
        course("HAEMORRHOID_MASSAGE", 5, "STOPPED", "Side effects", false, LocalDateTime.of(2025, 4, 14, 9, 0), "A");
        course("HAEMORRHOID_MASSAGE", 5, "STOPPED", "Moved away", false, LocalDateTime.of(2025, 5, 5, 9, 0), "A", "A", "A");
        long abandoned = course("PROSTATE_MASSAGE", 6, "ABANDONED", "no-shows: 3", false,
                LocalDateTime.of(2025, 5, 12, 9, 0), "A", "N", "N", "N");
        // Blocked, never lifted: the wait ends with the course, 7 days later.
        event(abandoned, "BLOCKED", LocalDateTime.of(2025, 5, 13, 9, 0));
        event(abandoned, "ABANDONED", LocalDateTime.of(2025, 5, 20, 9, 0));
        long active = course("PROSTATE_MASSAGE", 5, "ACTIVE", null, false, LocalDateTime.of(2025, 6, 2, 9, 0), "A", "A!");
        session(active, 3, future.atTime(6, 0), "BOOKED", false); // ahead: not yet due, so not counted as planned
        // Held for 2 days; a second hold while already held does not start a second wait.
        event(active, "HOLD_FOR_REVIEW", LocalDateTime.of(2025, 6, 5, 9, 0));
        event(active, "HOLD_FOR_REVIEW", LocalDateTime.of(2025, 6, 6, 9, 0));
        event(active, "REVIEWED", LocalDateTime.of(2025, 6, 7, 9, 0));
        course("HAEMORRHOID_MASSAGE", 5, "PAUSED", null, true, LocalDateTime.of(2025, 6, 30, 23, 0), "A");
        query = "from=" + FROM + "&to=" + TO + "&practitioner=" + practitioner;
    }

    @Test
    @DisplayName("every figure of the report equals a count written independently in SQL, and the count the fixture was built to have")
    @WithMockUser(username = "admin", roles = "ADMIN")
    void figuresMatchSql() {
        CompletionReport report = completion.report(new ReviewFilter(FROM, TO, null, null, practitioner));
        CompletionReport.Figures f = report.totals();
        assertThat(f.started()).isEqualTo(count("true")).isEqualTo(9);
        assertThat(f.completed()).isEqualTo(count("c.status = 'COMPLETED'")).isEqualTo(3);
        assertThat(f.stopped()).isEqualTo(count("c.status = 'STOPPED'")).isEqualTo(3);
        assertThat(f.abandoned()).isEqualTo(count("c.status = 'ABANDONED'")).isEqualTo(1);
        assertThat(f.inProgress()).isEqualTo(count("c.status IN ('PLANNED', 'ACTIVE', 'PAUSED')")).isEqualTo(2);
        assertThat(f.finished()).isEqualTo(7);
        assertThat(f.completionRate()).isCloseTo(3 / 7.0, within(0.0001));
        assertThat(f.attendedSessions()).isEqualTo(sessions("s.status = 'ATTENDED'")).isEqualTo(18);
        assertThat(f.plannedSessions())
                .isEqualTo(sessions("s.status <> 'CANCELLED_BY_CLINIC' AND s.starts_at < now()")).isEqualTo(23);
        assertThat(f.noShows()).isEqualTo(sessions("s.status = 'NO_SHOW'")).isEqualTo(4);
        assertThat(f.adherence()).isCloseTo(18 / 23.0, within(0.0001));
        assertThat(f.noShowRate()).isCloseTo(4 / 23.0, within(0.0001));
        assertThat(f.flagged()).isEqualTo(count("(EXISTS (SELECT 1 FROM course_session s WHERE s.course_id = c.id "
                + "AND s.needs_attention) OR EXISTS (SELECT 1 FROM course_event e WHERE e.course_id = c.id "
                + "AND e.act = 'BLOCKED'))")).isEqualTo(3);
        assertThat(f.held()).isEqualTo(count("(c.needs_review OR EXISTS (SELECT 1 FROM course_event e "
                + "WHERE e.course_id = c.id AND e.act = 'HOLD_FOR_REVIEW'))")).isEqualTo(3);
        // Each block lasts until the next lifting or end of its course, in days.
        String blockedWaits = """
                SELECT sum(extract(epoch FROM (SELECT min(x.occurred_at) FROM course_event x
                                               WHERE x.course_id = e.course_id AND x.occurred_at > e.occurred_at
                                                 AND x.act IN ('UNBLOCKED', 'COMPLETED', 'STOPPED', 'ABANDONED'))
                                              - e.occurred_at)) / 86400 AS d
                FROM course_event e WHERE e.act = 'BLOCKED' AND e.course_id IN (%s) GROUP BY e.course_id"""
                .formatted(inScope());
        assertThat(f.flaggedAverageWaitDays()).isEqualTo(sql("SELECT round(avg(d), 1) FROM (" + blockedWaits + ") w"))
                .isEqualTo(8.8);
        assertThat(f.flaggedLongestWaitDays()).isEqualTo(sql("SELECT round(max(d), 1) FROM (" + blockedWaits + ") w"))
                .isEqualTo(10.5);
        assertThat(f.heldAverageWaitDays()).isEqualTo(3.0);
        assertThat(f.heldLongestWaitDays()).isEqualTo(4.0);
        assertThat(f.averageDaysFirstToLast()).isCloseTo(sql("""
                SELECT avg(d) FROM (SELECT max((s.starts_at AT TIME ZONE 'Europe/Moscow')::date)
                                          - min((s.starts_at AT TIME ZONE 'Europe/Moscow')::date) AS d
                                   FROM course_session s WHERE s.status = 'ATTENDED' AND s.course_id IN (%s)
                                   GROUP BY s.course_id) x""".formatted(inScope())), within(0.005));
        assertThat(f.averageAttended()).isCloseTo(sql("""
                SELECT avg((SELECT count(*) FROM course_session s WHERE s.course_id = c.id AND s.status = 'ATTENDED'))
                FROM course c WHERE c.id IN (%s) AND c.status IN ('COMPLETED', 'STOPPED', 'ABANDONED')"""
                .formatted(inScope())), within(0.005)).isCloseTo(15 / 7.0, within(0.005));
        assertThat(f.averagePrescribed()).isCloseTo(sql("""
                SELECT avg(prescribed_sessions) FROM course c
                WHERE c.id IN (%s) AND c.status IN ('COMPLETED', 'STOPPED', 'ABANDONED')""".formatted(inScope())),
                within(0.005));

        assertThat(report.stoppedByReason()).containsExactly(new CompletionReport.Reason("Side effects", 2),
                new CompletionReport.Reason("Moved away", 1));
        Map<String, Long> byMonth = new HashMap<>();
        report.byMonth().forEach(m -> byMonth.put(m.month(), m.started()));
        assertThat(byMonth).isEqualTo(groupCount("to_char(min_start AT TIME ZONE 'Europe/Moscow', 'YYYY-MM')"))
                .containsEntry("2025-02", 1L).containsEntry("2025-06", 2L);
        Map<String, Long> byProgram = new HashMap<>();
        report.byProgram().forEach(p -> byProgram.put(p.program(), p.completed()));
        assertThat(byProgram).containsEntry("PROSTATE_MASSAGE", 3L).containsEntry("HAEMORRHOID_MASSAGE", 0L);
        // The grid counts the sessions due in the period, whichever period their course started in: the first
        // course's sessions fall on 31 January and 1 February in Moscow, so one of its two is in.
        Map<String, long[]> grid = gridOf(report);
        Map<String, long[]> expected = new HashMap<>();
        jdbc.sql("""
                SELECT extract(isodow FROM s.starts_at AT TIME ZONE 'Europe/Moscow') || '@'
                           || extract(hour FROM s.starts_at AT TIME ZONE 'Europe/Moscow') AS cell,
                       count(*) FILTER (WHERE s.status = 'NO_SHOW') AS no_shows, count(*) AS planned
                FROM course_session s
                WHERE s.practitioner_id = ? AND s.status <> 'CANCELLED_BY_CLINIC' AND s.starts_at < now()
                  AND (s.starts_at AT TIME ZONE 'Europe/Moscow')::date BETWEEN ? AND ?
                GROUP BY 1""").params(practitioner, FROM, TO)
                .query(rs -> {
                    expected.put(rs.getString("cell"), new long[] { rs.getLong("no_shows"), rs.getLong("planned") });
                });
        assertThat(grid).usingRecursiveComparison().isEqualTo(expected);
        assertThat(grid.values().stream().mapToLong(c -> c[0]).sum()).isEqualTo(4);
        assertThat(grid.values().stream().mapToLong(c -> c[1]).sum()).isEqualTo(24);
    }

    @Test
    @DisplayName("the no-show grid read from the quarter-hour tally (a location's view) equals the grid read from the sessions (a practitioner's view), before and after the tally is folded")
    @WithMockUser(username = "admin", roles = "ADMIN")
    void gridFromTallyMatchesSessions() {
        Map<String, long[]> direct = gridOf(completion.report(new ReviewFilter(FROM, TO, null, null, practitioner)));
        assertThat(direct).isNotEmpty();
        assertThat(gridOf(completion.report(new ReviewFilter(FROM, TO, location, null, null))))
                .usingRecursiveComparison().isEqualTo(direct);
        jdbc.sql("SELECT session_slot_compact()").query(Long.class).single();
        assertThat(gridOf(completion.report(new ReviewFilter(FROM, TO, location, null, null))))
                .usingRecursiveComparison().isEqualTo(direct);
        // A session marked a no-show afterwards moves from kept to missed in both views at once.
        jdbc.sql("""
                UPDATE course_session SET status = 'NO_SHOW' WHERE id = (SELECT min(s.id) FROM course_session s
                WHERE s.practitioner_id = ? AND s.status = 'ATTENDED' AND s.starts_at >= ?)""")
                .params(practitioner, java.sql.Timestamp.from(FROM.plusDays(1).atStartOfDay(ZONE).toInstant())).update();
        Map<String, long[]> after = gridOf(completion.report(new ReviewFilter(FROM, TO, location, null, null)));
        assertThat(after.values().stream().mapToLong(c -> c[0]).sum())
                .isEqualTo(direct.values().stream().mapToLong(c -> c[0]).sum() + 1);
        assertThat(after).usingRecursiveComparison()
                .isEqualTo(gridOf(completion.report(new ReviewFilter(FROM, TO, null, null, practitioner))));
        assertThat(gridOf(completion.report(new ReviewFilter(FROM, TO, location, "HAEMORRHOID_MASSAGE", null))))
                .usingRecursiveComparison().isEqualTo(gridOf(completion.report(
                        new ReviewFilter(FROM, TO, null, "HAEMORRHOID_MASSAGE", practitioner))));
    }

    private static Map<String, long[]> gridOf(CompletionReport report) {
        Map<String, long[]> grid = new HashMap<>();
        report.noShowsByWeekdayHour().forEach(c -> grid.put(c.weekday() + "@" + c.hour(),
                new long[] { c.noShows(), c.planned() }));
        return grid;
    }

    @Test
    @DisplayName("the dashboard shows the same numbers on its cards, each a link to the courses behind it, at a fixed cost in queries")
    void dashboardShowsTheFigures() throws Exception {
        QueryCounter.reset();
        String html = mvc.perform(get("/review?" + query).with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // The filter's choices (3), the worklist and its audit line (2), the planner settings, the figures, the grid
        // and the report's audit line (4): however many courses there are.
        assertThat(QueryCounter.count()).as("statements for the whole page").isBetween(1, 9);
        assertThat(card(html, "started")).isEqualTo(String.valueOf(count("true")));
        assertThat(card(html, "completed")).isEqualTo(String.valueOf(count("c.status = 'COMPLETED'")));
        assertThat(card(html, "stopped")).isEqualTo(String.valueOf(count("c.status = 'STOPPED'")));
        assertThat(card(html, "abandoned")).isEqualTo(String.valueOf(count("c.status = 'ABANDONED'")));
        assertThat(card(html, "inProgress")).isEqualTo(String.valueOf(count("c.status IN ('PLANNED', 'ACTIVE', 'PAUSED')")));
        assertThat(card(html, "flagged")).isEqualTo("3");
        assertThat(card(html, "held")).isEqualTo("3");
        assertThat(html).contains("waited 8.8 days on average, at most 10.5").contains("waited 3.0 days on average, at most 4.0");
        assertThat(card(html, "completionRate")).isEqualTo("42.9%");
        assertThat(html).contains("/review/courses?" + query.replace("&", "&amp;") + "&amp;outcome=STOPPED")
                .contains("data-url=\"/api/reports/course-completion?" + query.replace("&", "&amp;") + "\"");

        String stopped = mvc.perform(get("/review/courses?" + query + "&outcome=STOPPED").with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher links = Pattern.compile("href=\"/review/courses/(\\d+)\"").matcher(stopped);
        List<Long> ids = links.results().map(m -> Long.valueOf(m.group(1))).toList();
        assertThat(ids).hasSize(3).allSatisfy(id -> assertThat(jdbc.sql("SELECT status FROM course WHERE id = ?")
                .param(id).query(String.class).single()).isEqualTo("STOPPED"));
        mvc.perform(get("/review/courses/" + ids.get(0)).with(user("admin").roles("ADMIN"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Reviewed")));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'VIEW' AND entity_type = 'REPORT' "
                + "AND details LIKE ?").param("%practitioner=" + practitioner + "%").query(Long.class).single())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    @DisplayName("the JSON API gives the same figures, and the CSV export round-trips them (UTF-8 with BOM, an attachment)")
    void jsonAndCsvAgree() throws Exception {
        String json = mvc.perform(get("/api/reports/course-completion?" + query).with(httpBasic("admin", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.totals.started").value(count("true")))
                .andExpect(jsonPath("$.totals.completed").value(3)).andReturn().getResponse().getContentAsString();
        MvcResult csv = mvc.perform(get("/review/export/figures?" + query).with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
                .andReturn();
        byte[] bytes = csv.getResponse().getContentAsByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        Map<String, String> figures = new HashMap<>();
        List<String> lines = new String(bytes, StandardCharsets.UTF_8).substring(1).lines().toList();
        assertThat(lines.get(0)).isEqualTo("figure,value");
        lines.stream().skip(1).forEach(line -> figures.put(line.split(",")[0], line.split(",", -1)[1]));
        Map<String, String> names = Map.of("started", "started", "completed", "completed", "stopped", "stopped",
                "abandoned", "abandoned", "in_progress", "inProgress", "completion_rate", "completionRate",
                "adherence", "adherence", "no_show_rate", "noShowRate", "planned_sessions", "plannedSessions",
                "average_attended", "averageAttended");
        names.forEach((csvName, jsonName) -> assertThat(Double.parseDouble(figures.get(csvName))).as(csvName)
                .isEqualTo(((Number) JsonPath.read(json, "$.totals." + jsonName)).doubleValue()));

        String months = new String(mvc.perform(get("/review/export/months?" + query).with(user("admin").roles("ADMIN")))
                .andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8).substring(1);
        List<String> monthRows = months.lines().skip(1).toList();
        List<String> jsonMonths = JsonPath.read(json, "$.byMonth[*].month");
        List<Integer> jsonStarted = JsonPath.read(json, "$.byMonth[*].started");
        assertThat(monthRows).hasSize(jsonMonths.size());
        for (int i = 0; i < monthRows.size(); i++) {
            String[] cells = monthRows.get(i).split(",", -1);
            assertThat(cells[0]).isEqualTo(jsonMonths.get(i));
            assertThat(Long.parseLong(cells[1])).isEqualTo(jsonStarted.get(i).longValue());
        }
        String courses = new String(mvc.perform(get("/review/courses/export?" + query + "&outcome=ABANDONED")
                .with(user("admin").roles("ADMIN"))).andReturn().getResponse().getContentAsByteArray(),
                StandardCharsets.UTF_8);
        assertThat(courses.lines().skip(1).toList()).hasSize(1).allSatisfy(line -> assertThat(line).contains("ABANDONED"));
    }

    @Test
    @DisplayName("only an admin sees the review: reception gets 403 on the screen and on the API")
    void adminOnly() throws Exception {
        mvc.perform(get("/review").with(user("reception").roles("RECEPTIONIST"))).andExpect(status().isForbidden());
        mvc.perform(get("/review/courses/1").with(user("urologist").roles("CLINICIAN"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/reports/course-completion?" + query).with(httpBasic("reception", "demo")))
                .andExpect(status().isForbidden());
    }

    @Test
    @DisplayName("a period that ends before it starts, a missing date or a malformed one is a 400 problem")
    void badRange() throws Exception {
        for (String bad : List.of("from=2025-06-30&to=2025-02-01", "from=2025-02-01", "from=2025-02-30&to=2025-03-01",
                "from=2000-01-01&to=2025-01-01")) {
            mvc.perform(get("/api/reports/course-completion?" + bad).with(httpBasic("admin", "demo")))
                    .andExpect(status().isBadRequest())
                    .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/problem+json")));
        }
        mvc.perform(get("/review?from=2025-06-30&to=2025-02-01").with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("review-problem")));
    }

    private static String card(String html, String figure) {
        Matcher matcher = Pattern.compile("data-figure=\"" + figure + "\">\\s*<span class=\"review-value\">([^<]*)<")
                .matcher(html);
        assertThat(matcher.find()).as(figure).isTrue();
        return matcher.group(1).trim();
    }

    /** The ids of the courses in scope: first session on a clinic date within the period, this practitioner. */
    private String inScope() {
        return """
                SELECT c.id FROM course c WHERE c.practitioner_id = %d
                AND (SELECT min((s.starts_at AT TIME ZONE 'Europe/Moscow')::date) FROM course_session s
                     WHERE s.course_id = c.id) BETWEEN DATE '%s' AND DATE '%s'""".formatted(practitioner, FROM, TO);
    }

    private long count(String condition) {
        return jdbc.sql("SELECT count(*) FROM course c WHERE c.id IN (" + inScope() + ") AND " + condition)
                .query(Long.class).single();
    }

    private long sessions(String condition) {
        return jdbc.sql("SELECT count(*) FROM course_session s WHERE s.course_id IN (" + inScope() + ") AND " + condition)
                .query(Long.class).single();
    }

    private double sql(String query) {
        return jdbc.sql(query).query(Double.class).single();
    }

    private Map<String, Long> groupCount(String key) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("SELECT " + key + " AS k, count(*) AS n FROM (SELECT c.id, (SELECT min(s.starts_at) FROM course_session s "
                + "WHERE s.course_id = c.id) AS min_start FROM course c WHERE c.id IN (" + inScope() + ")) x GROUP BY 1")
                .query(rs -> {
                    counts.put(rs.getString("k"), rs.getLong("n"));
                });
        return counts;
    }

    /**
     * A course with one session a day from {@code first}: A attended, N no-show, L cancelled late, X cancelled
     * by the clinic; a trailing ! marks the session as flagged by a rule. Each course gets its own patient and
     * minute offset, so no two sessions of the practitioner overlap.
     */
    private long course(String program, int prescribed, String status, String reason, boolean needsReview,
            LocalDateTime first, String... sessions) {
        long patient = jdbc.sql("INSERT INTO patient (given_name, family_name, birth_date, sex) "
                + "VALUES ('Test', ?, DATE '1970-01-01', 'MALE') RETURNING id").param("Reviewed" + System.nanoTime())
                .query(Long.class).single();
        long course = jdbc.sql("""
                INSERT INTO course (patient_id, program_id, practitioner_id, prescribed_sessions, cadence_days, status,
                                    status_reason, needs_review, created_by)
                SELECT ?, id, ?, ?, 1, ?, ?, ?, 'test' FROM treatment_program WHERE code = ? RETURNING id""")
                .params(patient, practitioner, prescribed, status, reason, needsReview, program)
                .query(Long.class).single();
        int offset = hour++;
        for (int i = 0; i < sessions.length; i++) {
            String code = sessions[i];
            String sessionStatus = switch (code.charAt(0)) {
                case 'A' -> "ATTENDED";
                case 'N' -> "NO_SHOW";
                case 'L' -> "CANCELLED_LATE";
                default -> "CANCELLED_BY_CLINIC";
            };
            session(course, i + 1, first.plusDays(i).plusMinutes(offset), sessionStatus, code.endsWith("!"));
        }
        return course;
    }

    private void event(long course, String act, LocalDateTime at) {
        jdbc.sql("INSERT INTO course_event (course_id, act, actor, occurred_at) VALUES (?, ?, 'test', ?)")
                .params(course, act, java.sql.Timestamp.from(at.atZone(ZONE).toInstant())).update();
    }

    private void session(long course, int seq, LocalDateTime startsAt, String status, boolean flagged) {
        java.sql.Timestamp start = java.sql.Timestamp.from(startsAt.atZone(ZONE).toInstant());
        java.sql.Timestamp end = java.sql.Timestamp.from(startsAt.plusMinutes(1).atZone(ZONE).toInstant());
        jdbc.sql("""
                INSERT INTO course_session (course_id, patient_id, practitioner_id, seq_no, starts_at, ends_at, status,
                                            needs_attention)
                SELECT id, patient_id, practitioner_id, ?, ?, ?, ?, ? FROM course WHERE id = ?""")
                .params(seq, start, end, status, flagged, course).update();
    }
}
