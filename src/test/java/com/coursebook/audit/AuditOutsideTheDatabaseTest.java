package com.coursebook.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.coursebook.notes.NoteFixtures;
import com.coursebook.support.DatabaseAs;
import com.coursebook.support.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static com.coursebook.notes.NoteFixtures.completeNote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 17, item 13: the owner role can do anything to the database, including replace {@code audit_verify()} with one
 * that always answers "whole" and switch a signed note's trigger off. The chain is therefore recomputed in Java from
 * the rows, signed notes are sealed in it, and its head is kept outside the database (anchor files). Each test puts
 * the database back as it found it (the context is shared).
 */
@IntegrationTest
@WithMockUser(username = "admin", roles = "ADMIN")
class AuditOutsideTheDatabaseTest {

    @Autowired
    AuditLog log;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditChainCheck check;

    @Autowired
    AuditAnchors anchors;

    @Test
    @DisplayName("the owner replaces audit_verify() by a liar and changes a line: the Java check still finds the line")
    void liarVerifyDoesNotHideATamperedLine() {
        JdbcClient owner = DatabaseAs.owner(postgres);
        long victim = insert("liar-victim");
        insert("liar-after");
        String honest = owner.sql("SELECT pg_get_functiondef('audit_verify()'::regprocedure)").query(String.class)
                .single();
        owner.sql("""
                CREATE OR REPLACE FUNCTION audit_verify()
                    RETURNS TABLE (rows_checked bigint, broken_seq bigint, broken_id bigint, problem text, head_hash text)
                    LANGUAGE sql AS $$ SELECT count(*), null::bigint, null::bigint, null::text, 'ok' FROM audit_event $$
                """).update();
        owner.sql("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update").update();
        try {
            owner.sql("UPDATE audit_event SET details = 'nothing to see' WHERE id = ?").param(victim).update();
            assertThat(jdbc.sql("SELECT problem FROM audit_verify()").query(String.class).optional()).isEmpty();

            AuditLog.Verification result = log.verify();
            assertThat(result.holds()).isFalse();
            assertThat(result.problem()).isEqualTo("content");
            assertThat(result.brokenId()).isEqualTo(victim);
        }
        finally {
            owner.sql("UPDATE audit_event SET details = 'liar-victim' WHERE id = ?").param(victim).update();
            owner.sql("ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update").update();
            owner.sql(honest).update();
        }
        assertThat(log.verify().holds()).isTrue();
    }

    @Test
    @DisplayName("the owner switches a signed note's trigger off and rewrites the note: the Java check names its SIGN line")
    void rewrittenSignedNoteFound() throws Exception {
        NoteFixtures fixtures = new NoteFixtures(jdbc);
        long session = fixtures.course("PROSTATE_MASSAGE", "Pechatnyi", 2, 3).get(0);
        String saved = mvc.perform(post("/api/sessions/{id}/notes", session).with(httpBasic("urologist", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(completeNote("")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long note = ((Number) JsonPath.read(saved, "$.id")).longValue();
        mvc.perform(post("/api/notes/{id}/sign", note).with(httpBasic("urologist", "demo")))
                .andExpect(status().isOk());
        long signLine = jdbc.sql("SELECT id FROM audit_event WHERE action = 'SIGN' AND entity_type = 'SESSION_NOTE' "
                + "AND entity_id = ?").param(note).query(Long.class).single();
        assertThat(log.verify().holds()).isTrue();

        JdbcClient owner = DatabaseAs.owner(postgres);
        owner.sql("ALTER TABLE session_note DISABLE TRIGGER session_note_immutable").update();
        try {
            owner.sql("UPDATE session_note SET findings = 'Tender, enlarged' WHERE id = ?").param(note).update();
            assertThat(jdbc.sql("SELECT problem FROM audit_verify()").query(String.class).optional()).isEmpty();

            AuditLog.Verification result = log.verify();
            assertThat(result.holds()).isFalse();
            assertThat(result.problem()).isEqualTo("seal");
            assertThat(result.brokenId()).isEqualTo(signLine);
        }
        finally {
            owner.sql("UPDATE session_note SET findings = 'Soft, no tenderness' WHERE id = ?").param(note).update();
            owner.sql("ALTER TABLE session_note ENABLE TRIGGER session_note_immutable").update();
        }
        assertThat(log.verify().holds()).isTrue();
    }

    @Test
    @DisplayName("the owner rewrites a line and hashes the whole chain again: audit_verify() says whole, the anchor does not")
    void rewrittenChainFoundAgainstTheAnchor() {
        long victim = insert("rewrite-victim");
        AuditLog.Verification anchored = log.anchor();
        assertThat(anchored.holds()).isTrue();
        assertThat(anchors.all()).contains(anchored.lastAnchor());
        JdbcClient owner = DatabaseAs.owner(postgres);
        owner.sql("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update").update();
        try {
            owner.sql("UPDATE audit_event SET details = 'nothing to see' WHERE id = ?").param(victim).update();
            rehashFrom(owner, victim);
            assertThat(jdbc.sql("SELECT problem FROM audit_verify()").query(String.class).optional()).isEmpty();

            AuditLog.Verification result = check.check();
            assertThat(result.problem()).isEqualTo("anchor");
            assertThat(result.brokenSeq()).isEqualTo(anchored.lastAnchor().seq());
        }
        finally {
            owner.sql("UPDATE audit_event SET details = 'rewrite-victim' WHERE id = ?").param(victim).update();
            rehashFrom(owner, victim);
            owner.sql("ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update").update();
        }
        assertThat(check.check().holds()).isTrue();
    }

    @Test
    @DisplayName("the end of the chain cut off and the head moved back: audit_verify() says whole, the anchor names what is gone")
    void truncatedChainFoundAgainstTheAnchor() {
        insert("truncate-0");
        AuditLog.Verification anchored = log.anchor();
        long cut = anchored.lastAnchor().seq();
        JdbcClient superuser = DatabaseAs.superuser(postgres);
        List<String> removed = superuser.sql("SELECT row_to_json(e)::text FROM audit_event e WHERE chain_seq >= ? "
                + "ORDER BY chain_seq").param(cut).query(String.class).list();
        superuser.sql("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update").update();
        try {
            superuser.sql("DELETE FROM audit_event WHERE chain_seq >= ?").param(cut).update();
            superuser.sql("UPDATE audit_chain_head SET last_seq = e.chain_seq, last_hash = e.hash FROM audit_event e "
                    + "WHERE e.chain_seq = ?").param(cut - 1).update();
            assertThat(jdbc.sql("SELECT problem FROM audit_verify()").query(String.class).optional()).isEmpty();

            AuditLog.Verification result = check.check();
            assertThat(result.problem()).isEqualTo("truncated");
            assertThat(result.brokenSeq()).isEqualTo(cut);
        }
        finally {
            superuser.sql("ALTER TABLE audit_event DISABLE TRIGGER audit_event_chain").update();
            for (String row : removed) {
                superuser.sql("INSERT INTO audit_event SELECT * FROM json_populate_record(null::audit_event, ?::json)")
                        .param(row).update();
            }
            superuser.sql("ALTER TABLE audit_event ENABLE TRIGGER audit_event_chain").update();
            superuser.sql("ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update").update();
        }
        assertThat(check.check().holds()).isTrue();
    }

    @Test
    @DisplayName("an anchor file altered by hand is reported, not skipped")
    void alteredAnchorFileReported() throws Exception {
        Path forged = anchors.directory().resolve("audit-anchor-1999-01-01.txt");
        Files.writeString(forged, "whatever was here\n");
        try {
            assertThat(check.check().problem()).isEqualTo("anchorFile");
        }
        finally {
            Files.delete(forged);
        }
        assertThat(check.check().holds()).isTrue();
    }

    @Test
    @DisplayName("the admin's check and anchor on the audit page, in words")
    void anchorOnThePage() throws Exception {
        mvc.perform(post("/admin/audit/anchor").with(csrf())).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/audit/verify"))
                .andExpect(flash().attributeExists("anchored"));
        String page = mvc.perform(get("/admin/audit/verify")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("The chain holds").contains("Compared with").contains(anchors.directory().toString());
    }

    /** What a forger with the owner role does: every line from the changed one on hashed again, the head moved. */
    private static void rehashFrom(JdbcClient owner, long id) {
        owner.sql("""
                DO $$
                DECLARE
                    e    audit_event;
                    prev bytea;
                    from_seq bigint := (SELECT chain_seq FROM audit_event WHERE id = %d);
                BEGIN
                    PERFORM pg_advisory_xact_lock(hashtext('audit_event_chain'));
                    SELECT hash INTO prev FROM audit_event WHERE chain_seq = from_seq - 1;
                    FOR e IN SELECT * FROM audit_event WHERE chain_seq >= from_seq ORDER BY chain_seq LOOP
                        e.prev_hash := prev;
                        e.hash := audit_link_hash(prev, e);
                        UPDATE audit_event SET prev_hash = e.prev_hash, hash = e.hash WHERE id = e.id;
                        prev := e.hash;
                    END LOOP;
                    UPDATE audit_chain_head SET last_hash = prev;
                END $$""".formatted(id)).update();
    }

    private long insert(String details) {
        return jdbc.sql("INSERT INTO audit_event (actor, action, entity_type, details) "
                + "VALUES ('test', 'VIEW', 'ANCHOR_TEST', ?) RETURNING id").param(details).query(Long.class).single();
    }
}
