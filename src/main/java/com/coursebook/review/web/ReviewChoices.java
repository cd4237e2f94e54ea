package com.coursebook.review.web;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the dashboard's filter can choose from: locations, programs and practitioners. */
@Service
public class ReviewChoices {

    private final JdbcClient jdbc;

    ReviewChoices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Choice(String value, String label) {
    }

    record All(List<Choice> locations, List<Choice> programs, List<Choice> practitioners) {

        /** A program's name in the page's language, for tables and charts; the code if it is unknown. */
        public String program(String code) {
            return programs.stream().filter(c -> c.value().equals(code)).map(Choice::label).findFirst().orElse(code);
        }
    }

    @Transactional(readOnly = true)
    All all(java.util.Locale locale) {
        return new All(
                jdbc.sql("SELECT id::text AS value, name AS label FROM location ORDER BY name")
                        .query(Choice.class).list(),
                jdbc.sql("""
                        SELECT code AS value, CASE WHEN ? THEN name_ru ELSE name_en END AS label
                        FROM treatment_program ORDER BY label""")
                        .param("ru".equals(locale.getLanguage())).query(Choice.class).list(),
                jdbc.sql("""
                        SELECT id::text AS value, family_name || ' ' || given_name AS label FROM practitioner
                        ORDER BY family_name, given_name""").query(Choice.class).list());
    }
}
