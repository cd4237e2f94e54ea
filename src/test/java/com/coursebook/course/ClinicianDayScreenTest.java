package com.coursebook.course;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.coursebook.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** "My day" as the clinician opens it and prints it: the day's sessions first, notes to sign on their own page. */
@IntegrationTest
class ClinicianDayScreenTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Moscow"));

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("the day's sessions come first under a heading with the date; notes to sign are a count with a link "
            + "to their own page, which lists every one of them; only the day list prints")
    void dayFirstNotesOnTheirOwnPage() throws Exception {
        long practitioner = jdbc.sql("SELECT practitioner_id FROM app_user WHERE username = 'urologist'")
                .query(Long.class).single();
        long patient = jdbc.sql("INSERT INTO patient (given_name, family_name, birth_date, sex) VALUES "
                + "('Fyodor', 'Podpisyvaev', DATE '1970-03-03', 'MALE') RETURNING id").query(Long.class).single();
        long course = jdbc.sql("INSERT INTO course (patient_id, program_id, practitioner_id, prescribed_sessions, "
                        + "cadence_days, created_by) SELECT ?, tp.id, ?, 10, 2, 'test' FROM treatment_program tp "
                        + "WHERE tp.code = 'PROSTATE_MASSAGE' RETURNING id")
                .params(patient, practitioner).query(Long.class).single();
        for (int n = 1; n <= 3; n++) {
            jdbc.sql("INSERT INTO course_session (course_id, patient_id, practitioner_id, seq_no, starts_at, ends_at, "
                    + "status) VALUES (?, ?, ?, ?, (?::date + time '06:05') AT TIME ZONE 'Europe/Moscow', "
                    + "(?::date + time '06:35') AT TIME ZONE 'Europe/Moscow', 'ATTENDED')")
                    .params(course, patient, practitioner, n, TODAY.minusDays(2L * (5 - n)), TODAY.minusDays(2L * (5 - n)))
                    .update();
        }
        jdbc.sql("INSERT INTO course_session (course_id, patient_id, practitioner_id, seq_no, starts_at, ends_at) "
                + "VALUES (?, ?, ?, 4, (?::date + time '06:05') AT TIME ZONE 'Europe/Moscow', "
                + "(?::date + time '06:35') AT TIME ZONE 'Europe/Moscow')")
                .params(course, patient, practitioner, TODAY, TODAY).update();
        long toSign = jdbc.sql("""
                SELECT count(*) FROM course_session s LEFT JOIN session_note n ON n.session_id = s.id
                WHERE s.practitioner_id = ? AND s.status IN ('ATTENDED', 'CHECKED_IN')
                  AND s.starts_at < now() - interval '1 day' AND s.starts_at > now() - interval '60 days'
                  AND (n.id IS NULL OR n.status = 'DRAFT')""").param(practitioner).query(Long.class).single();
        assertThat(toSign).isGreaterThanOrEqualTo(3);

        String day = page("/today");
        assertThat(between(day, "<h1", "</h1>")).contains(TODAY.toString());
        int dayList = day.indexOf("id=\"day-list\"");
        int unsigned = day.indexOf("id=\"unsigned-notes\"");
        assertThat(dayList).isPositive();
        assertThat(between(day, "id=\"day-list\"", "</table>")).contains("Podpisyvaev Fyodor").contains("4 of 10");
        assertThat(unsigned).as("notes to sign come after the day's sessions").isGreaterThan(dayList);
        String notes = between(day, "id=\"unsigned-notes\"", "</div>");
        assertThat(notes).contains(Long.toString(toSign)).contains("href=\"/today/notes\"");
        assertThat(count(Pattern.compile("/sessions/\\d+/note\""), day)).as("links to single notes on the day page")
                .isZero();
        // Printed, the page is the day list: what waits for the clinician stays on screen.
        Matcher blocks = Pattern.compile("<div[^>]*id=\"(unsigned-notes|review-list)\"[^>]*>").matcher(day);
        while (blocks.find()) {
            assertThat(blocks.group()).contains("d-print-none");
        }

        String list = page("/today/notes");
        assertThat(count(Pattern.compile("href=\"/sessions/\\d+/note\""), list)).isEqualTo(toSign);
        assertThat(list).contains("Podpisyvaev Fyodor").contains("Therapeutic prostate massage");
        // Programs by name, never by code, on these pages and reception's worklist.
        for (String page : new String[] { day, list, mvc.perform(get("/worklist").with(user("reception")
                .roles("RECEPTIONIST"))).andReturn().getResponse().getContentAsString() }) {
            assertThat(page).doesNotContainPattern(">\\s*[A-Z]+_MASSAGE\\s*<");
        }
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(urologist())).andReturn().getResponse().getContentAsString();
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        assertThat(start).as(from).isNotNegative();
        return text.substring(start, text.indexOf(to, start) + to.length());
    }

    private static long count(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        long n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static RequestPostProcessor urologist() {
        return user("urologist").roles("CLINICIAN");
    }
}
