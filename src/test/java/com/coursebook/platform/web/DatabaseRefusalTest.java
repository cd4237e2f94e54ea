package com.coursebook.platform.web;

import java.util.List;
import java.util.Locale;

import com.coursebook.course.DecisionRenderer;
import com.coursebook.notes.NoteFixtures;
import com.coursebook.support.DatabaseAs;
import com.coursebook.support.IntegrationTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The database's own refusals of a signed note's session (V18), as PostgreSQL raises them for the app's role, are
 * said by the API's edge in words (409), in the reader's language, never a 500. The application's lock order means
 * no request reaches them through the app today, so the edge is given the real exception here.
 */
@IntegrationTest
class DatabaseRefusalTest {

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageSource messages;

    @Autowired
    DecisionRenderer decisions;

    @AfterEach
    void language() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    @DisplayName("a move of a session with a signed note (23S01) and a signature on a cancelled session (23S02), "
            + "refused by the database, are 409 in words, in English and in Russian")
    void triggersSaidInWords() {
        JdbcClient app = DatabaseAs.app(postgres);
        List<Long> sessions = new NoteFixtures(jdbc).course("PROSTATE_MASSAGE", "Pogranichnyi", 8, 680);
        app.sql("INSERT INTO session_note (session_id, status, findings, author, signed_by, signed_at) "
                + "VALUES (?, 'SIGNED', 'Soft', 'urologist', 'urologist', now())").param(sessions.get(0)).update();
        DataIntegrityViolationException moved = catchThrowableOfType(DataIntegrityViolationException.class,
                () -> app.sql("UPDATE course_session SET starts_at = starts_at + interval '1 day', "
                        + "ends_at = ends_at + interval '1 day' WHERE id = ?").param(sessions.get(0)).update());
        app.sql("UPDATE course_session SET status = 'CANCELLED_BY_CLINIC' WHERE id = ?").param(sessions.get(1))
                .update();
        DataIntegrityViolationException signed = catchThrowableOfType(DataIntegrityViolationException.class,
                () -> app.sql("INSERT INTO session_note (session_id, status, author, signed_by, signed_at) "
                        + "VALUES (?, 'SIGNED', 'urologist', 'urologist', now())").param(sessions.get(1)).update());
        ApiExceptionHandler edge = new ApiExceptionHandler(messages, decisions);

        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(said(edge.integrity(moved))).isEqualTo("409 The note of this session was signed just now, so the "
                + "session took place where it is: it cannot be moved, cancelled or marked as missed. Nothing was "
                + "changed.");
        assertThat(said(edge.integrity(signed))).isEqualTo("409 The session was cancelled or marked as missed just "
                + "now, so its note cannot be signed. The draft is kept.");
        LocaleContextHolder.setLocale(Locale.forLanguageTag("ru"));
        assertThat(said(edge.integrity(moved))).startsWith("409 Запись об этом сеансе только что подписана");
    }

    private static String said(ResponseEntity<ProblemDetail> answer) {
        return answer.getStatusCode().value() + " " + answer.getBody().getDetail();
    }
}
