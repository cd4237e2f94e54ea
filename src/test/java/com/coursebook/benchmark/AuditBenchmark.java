package com.coursebook.benchmark;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.function.Supplier;

import com.coursebook.audit.AuditLog;
import com.coursebook.support.DatabaseAs;
import com.coursebook.support.IntegrationTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit viewer at a million lines: lines appended through the chain trigger (in transactions of 10 000, as the
 * app's role), then each filter's first and second page and the chain check, timed through the service. Prints
 * figures; asserts only that pages are full and the chain holds. Run with {@code ./mvnw -Pbenchmark verify}
 * (or -Dcoursebook.audit-benchmark.lines=… for another size).
 */
@Tag("benchmark")
@IntegrationTest
class AuditBenchmark {

    static final int LINES = Integer.getInteger("coursebook.audit-benchmark.lines", 1_000_000);

    static final int BATCH = 10_000;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    AuditLog log;

    @Test
    @WithMockUser(username = "benchmark", roles = "ADMIN")
    @DisplayName("audit viewer and chain check with a million lines")
    void millionLines() {
        long started = System.nanoTime();
        JdbcClient owner = DatabaseAs.owner(postgres); // lines dated in the past: only the owner may date a line (V21)
        for (int from = 0; from < LINES; from += BATCH) {
            owner.sql("""
                    INSERT INTO audit_event (occurred_at, actor, action, entity_type, entity_id, patient_id, details)
                    SELECT timestamptz '2024-01-01 00:00+00' + g * interval '30 seconds', 'bench' || (g % 300),
                           (ARRAY['VIEW','SEARCH','UPDATE','CREATE','SIGN_IN','VIEW','VIEW'])[1 + g % 7],
                           CASE WHEN g % 5 = 0 THEN 'SESSION_NOTE' ELSE 'PATIENT' END,
                           g, 1000000 + g % 40000, 'benchmark line ' || g
                    FROM generate_series(?::int, ?::int) g""").params(from, Math.min(from + BATCH, LINES) - 1).update();
        }
        double loadSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%nAuditBenchmark: appended %,d chained lines in %.1f s (%.0f lines/s)%n", LINES,
                loadSeconds, LINES / loadSeconds);
        DatabaseAs.owner(postgres).sql("ANALYZE audit_event").update();

        LocalDate mid = LocalDate.of(2024, 1, 1).plusDays(LINES * 30L / 86_400 / 2);
        time("newest page, no filter", () -> new AuditLog.Query(null, null, null, false, null, null));
        time("one patient", () -> new AuditLog.Query(1_000_123L, null, null, false, null, null));
        time("one patient's notes", () -> new AuditLog.Query(1_000_125L, null, "VIEW", true, null, null));
        time("one user", () -> new AuditLog.Query(null, "bench17", null, false, null, null));
        time("one action", () -> new AuditLog.Query(null, null, "UPDATE", false, null, null));
        time("one day in the middle", () -> new AuditLog.Query(null, null, null, false, mid, mid));
        time("user and a week", () -> new AuditLog.Query(null, "bench17", null, false, mid.minusDays(7), mid));

        long verifying = System.nanoTime();
        AuditLog.Verification verification = log.verify();
        System.out.printf("AuditBenchmark: verified %,d lines in %.2f s: %s%n", verification.linesChecked(),
                (System.nanoTime() - verifying) / 1e9, verification.holds() ? "holds" : verification.problem());
        assertThat(verification.holds()).isTrue();
    }

    private void time(String what, Supplier<AuditLog.Query> query) {
        long[] first = new long[7];
        long[] second = new long[7];
        AuditLog.Page page = null;
        for (int i = 0; i < first.length; i++) {
            long t0 = System.nanoTime();
            page = log.search(query.get(), null);
            long t1 = System.nanoTime();
            if (page.nextBefore() != null) {
                log.search(query.get(), page.nextBefore());
            }
            second[i] = System.nanoTime() - t1;
            first[i] = t1 - t0;
        }
        Arrays.sort(first);
        Arrays.sort(second);
        System.out.printf("AuditBenchmark: %-24s first page %6.1f ms, next page %6.1f ms (medians of 7; %d lines)%n",
                what, first[3] / 1e6, second[3] / 1e6, page.lines().size());
        assertThat(page.lines()).isNotEmpty();
    }
}
