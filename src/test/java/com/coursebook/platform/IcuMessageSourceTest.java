package com.coursebook.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.DefaultMessageSourceResolvable;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundles as ICU message formats: counts with the right plural in each language, everything else as before. */
class IcuMessageSourceTest {

    private static final Locale EN = Locale.ENGLISH;

    private static final Locale RU = Locale.forLanguageTag("ru");

    private final IcuMessageSource messages = new IcuMessageSource("messages");

    @Test
    @DisplayName("a count takes its plural form: 1 course, 2 courses; 1 курс, 3 курса, 5 курсов, 21 курс")
    void plurals() {
        assertThat(messages.getMessage("review.courses.count", new Object[] { 1 }, EN)).isEqualTo("1 course");
        assertThat(messages.getMessage("review.courses.count", new Object[] { 2 }, EN)).isEqualTo("2 courses");
        assertThat(messages.getMessage("review.courses.count", new Object[] { 1 }, RU)).isEqualTo("1 курс");
        assertThat(messages.getMessage("review.courses.count", new Object[] { 3 }, RU)).isEqualTo("3 курса");
        assertThat(messages.getMessage("review.courses.count", new Object[] { 5 }, RU)).isEqualTo("5 курсов");
        assertThat(messages.getMessage("review.courses.count", new Object[] { 21 }, RU)).isEqualTo("21 курс");
        assertThat(messages.getMessage("course.sessions.count", new Object[] { 10, 1 }, EN))
                .isEqualTo("10 sessions, every day");
        assertThat(messages.getMessage("course.sessions.count", new Object[] { 10, 2 }, EN))
                .isEqualTo("10 sessions, every 2 days");
        assertThat(messages.getMessage("course.sessions.count", new Object[] { 1, 1 }, RU))
                .isEqualTo("1 сеанс, ежедневно");
        assertThat(messages.getMessage("course.sessions.count", new Object[] { 5, 3 }, RU))
                .isEqualTo("5 сеансов, каждые 3 дня");
        // a stored phrase keeps its arguments as text: counted all the same
        assertThat(messages.getMessage("course.reason.noShows", new Object[] { "3" }, RU)).isEqualTo("Неявок подряд: 3");
        assertThat(messages.getMessage("course.reason.noShows", new Object[] { "1" }, EN))
                .isEqualTo("1 no-show in a row");
    }

    @Test
    @DisplayName("arguments are said as before: text, dates as ISO, an apostrophe written twice, a field's name")
    void asBefore() {
        assertThat(messages.getMessage("error.changedMeanwhile", null, EN)).doesNotContain("{").doesNotContain("''");
        assertThat(messages.getMessage("session.cancel.confirm.patient",
                new Object[] { 3, LocalDateTime.of(2026, 12, 1, 10, 0) }, EN))
                .contains("session 3 on 2026-12-01T10:00").contains("patient's");
        assertThat(messages.getMessage("detail.menstruation",
                new Object[] { LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 5) }, EN)).contains("2026-12-01");
        assertThat(messages.getMessage("courseAct.HOLD_FOR_REVIEW", null, EN))
                .isEqualTo("Held for the clinician's review"); // a single apostrophe is kept, not taken for a quote
        assertThat(messages.getMessage(new DefaultMessageSourceResolvable(new String[] { "no.such.code" },
                new Object[] { 1 }, "fallback {0}"), EN)).isEqualTo("fallback 1");
    }

    @Test
    @DisplayName("a limit is left for Bean Validation to fill in ({max}), in both languages")
    void namedArgumentsLeftForValidation() {
        assertThat(messages.getMessage("field.tooLong", null, EN)).contains("{max}");
        assertThat(messages.getMessage("field.tooLong", null, RU)).contains("{max}");
    }

    @Test
    @DisplayName("every message of both bundles is a valid ICU message format that formats without an error")
    void everyMessageFormats() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Locale locale : List.of(EN, RU)) {
            Properties bundle = load(locale == EN ? "messages.properties" : "messages_ru.properties");
            for (String key : bundle.stringPropertyNames()) {
                try {
                    messages.format(bundle.getProperty(key), new Object[] { 1, 2, 3, 4, 5 }, locale);
                }
                catch (RuntimeException ex) {
                    broken.add(locale + " " + key + ": " + ex.getMessage());
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src", "main", "resources", name))) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
