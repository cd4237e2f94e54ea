package com.coursebook.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import com.coursebook.support.DatabaseAs;
import com.coursebook.support.PostgresRepositoryTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@PostgresRepositoryTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class AuditChainTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    TransactionTemplate transactions;

    @Test
    @DisplayName("a row changed behind the triggers' back (as the owner) breaks the chain at that row; put back, it holds")
    void tamperedRowFound() {
        List<Long> ids = IntStream.range(0, 5).mapToObj(i -> insert("tamper-" + i)).toList();
        assertThat(verify().problem()).isNull();
        long victim = ids.get(2);
        JdbcClient owner = DatabaseAs.owner(postgres);
        owner.sql("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update").update();
        try {
            owner.sql("UPDATE audit_event SET details = 'nothing to see' WHERE id = ?").param(victim).update();
            Verification broken = verify();
            assertThat(broken.problem()).isEqualTo("content");
            assertThat(broken.id()).isEqualTo(victim);

            // The forger re-hashes the changed row: the next row's link to it no longer holds.
            owner.sql("UPDATE audit_event e SET hash = audit_link_hash(e.prev_hash, e) WHERE id = ?").param(victim)
                    .update();
            Verification relinked = verify();
            assertThat(relinked.problem()).isEqualTo("link");
            assertThat(relinked.id()).isEqualTo(ids.get(3));

            owner.sql("UPDATE audit_event e SET details = 'tamper-2' WHERE id = ?").param(victim).update();
            owner.sql("UPDATE audit_event e SET hash = audit_link_hash(e.prev_hash, e) WHERE id = ?").param(victim)
                    .update();
        }
        finally {
            owner.sql("ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update").update();
        }
        assertThat(verify().problem()).isNull();
    }

    @Test
    @DisplayName("a row removed from the middle leaves a gap the verification names")
    void removedRowFound() {
        List<Long> ids = IntStream.range(0, 3).mapToObj(i -> insert("gap-" + i)).toList();
        JdbcClient superuser = DatabaseAs.superuser(postgres);
        String row = superuser.sql("SELECT row_to_json(e)::text FROM audit_event e WHERE id = ?").param(ids.get(1))
                .query(String.class).single();
        superuser.sql("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update").update();
        try {
            superuser.sql("DELETE FROM audit_event WHERE id = ?").param(ids.get(1)).update();
            Verification gap = verify();
            assertThat(gap.problem()).isEqualTo("missing");
            assertThat(gap.id()).isEqualTo(ids.get(2));
            // put back exactly as it was, trigger-free
            superuser.sql("ALTER TABLE audit_event DISABLE TRIGGER audit_event_chain").update();
            superuser.sql("INSERT INTO audit_event SELECT * FROM json_populate_record(null::audit_event, ?::json)")
                    .param(row).update();
        }
        finally {
            superuser.sql("ALTER TABLE audit_event ENABLE TRIGGER audit_event_chain").update();
            superuser.sql("ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update").update();
        }
        assertThat(verify().problem()).isNull();
    }

    @Test
    @DisplayName("the last line cut off shows against the chain's head")
    void removedTailFound() {
        insert("tail-0");
        long last = insert("tail-1");
        JdbcClient superuser = DatabaseAs.superuser(postgres);
        String row = superuser.sql("SELECT row_to_json(e)::text FROM audit_event e WHERE id = ?").param(last)
                .query(String.class).single();
        superuser.sql("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update").update();
        try {
            superuser.sql("DELETE FROM audit_event WHERE id = ?").param(last).update();
            assertThat(verify().problem()).isEqualTo("end");
            superuser.sql("ALTER TABLE audit_event DISABLE TRIGGER audit_event_chain").update();
            superuser.sql("INSERT INTO audit_event SELECT * FROM json_populate_record(null::audit_event, ?::json)")
                    .param(row).update();
        }
        finally {
            superuser.sql("ALTER TABLE audit_event ENABLE TRIGGER audit_event_chain").update();
            superuser.sql("ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update").update();
        }
        assertThat(verify().problem()).isNull();
    }

    @Test
    @DisplayName("writers in eight threads, several rows per transaction, still make one unbroken chain")
    void concurrentWritersChainCorrectly() throws Exception {
        long before = jdbc.sql("SELECT last_seq FROM audit_chain_head").query(Long.class).single();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Void>> writers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                writers.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 25; i++) {
                        int n = i;
                        transactions.executeWithoutResult(status -> {
                            insert("thread-" + thread + "-" + n + "a");
                            insert("thread-" + thread + "-" + n + "b");
                        });
                    }
                }, pool));
            }
            CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get();
        }
        finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("SELECT last_seq FROM audit_chain_head").query(Long.class).single())
                .isEqualTo(before + 400);
        Verification result = verify();
        assertThat(result.problem()).isNull();
        assertThat(result.rowsChecked()).isGreaterThanOrEqualTo(400);
    }

    @Test
    @DisplayName("the app's role cannot date a line: a supplied time is refused, a line without one gets the database's")
    void appRoleCannotBackdate() {
        JdbcClient app = DatabaseAs.app(postgres);
        long lines = jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();
        assertThatThrownBy(() -> app.sql("INSERT INTO audit_event (occurred_at, actor, action, entity_type, details) "
                + "VALUES (timestamptz '2020-01-01 09:00+00', 'test', 'VIEW', 'CHAIN_TEST', 'backdated')").update())
                .rootCause().hasMessageContaining("the audit trail sets its own time");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single()).isEqualTo(lines);

        long id = app.sql("INSERT INTO audit_event (actor, action, entity_type, details) "
                + "VALUES ('test', 'VIEW', 'CHAIN_TEST', 'now') RETURNING id").query(Long.class).single();
        assertThat(jdbc.sql("SELECT abs(extract(epoch FROM occurred_at - clock_timestamp())) < 60 FROM audit_event "
                + "WHERE id = ?").param(id).query(Boolean.class).single()).isTrue();
        assertThat(verify().problem()).isNull();
    }

    private long insert(String details) {
        return jdbc.sql("INSERT INTO audit_event (actor, action, entity_type, details) "
                + "VALUES ('test', 'VIEW', 'CHAIN_TEST', ?) RETURNING id").param(details).query(Long.class).single();
    }

    private Verification verify() {
        return jdbc.sql("SELECT rows_checked, broken_id, problem FROM audit_verify()")
                .query((rs, n) -> new Verification(rs.getLong(1), (Long) rs.getObject(2), rs.getString(3))).single();
    }

    record Verification(long rowsChecked, Long id, String problem) {
    }
}
