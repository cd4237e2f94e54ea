package com.coursebook.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;


import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chain checked in Java, not by {@code audit_verify()}: whoever owns the database can replace that function, or
 * any function it calls, by one that answers "whole". Every line's hash is recomputed here from its columns exactly
 * as V16's {@code audit_link_hash} makes it (SHA-256 of the previous hash and the jsonb text of the line), the links
 * and numbering are followed, the chain is compared with every anchor kept outside the database, and each sealed
 * record (a signed note) is compared with the seal its line carries. One snapshot (repeatable read) for all of it.
 */
@Component
class AuditChainCheck {

    private static final byte[] GENESIS = new byte[32];

    private static final int SEAL_BATCH = 500;

    private final JdbcTemplate jdbc;

    private final TransactionTemplate snapshot;

    private final AuditAnchors anchors;

    private final List<SealedRecords> sealed;

    AuditChainCheck(DataSource dataSource, PlatformTransactionManager transactions, AuditAnchors anchors,
            List<SealedRecords> sealed) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(1000); // streamed through a cursor, whatever the trail's length
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.anchors = anchors;
        this.sealed = sealed;
    }

    /** A line carrying a seal: where it is in the chain, and what it sealed. */
    private record SealedLine(long seq, long id, String seal) {
    }

    /** The chain's state as the check walks it. */
    private static final class Walk {

        long expectedSeq = 1;

        byte[] previousHash = GENESIS;

        long lines;

        Long brokenSeq;

        Long brokenId;

        String problem;

        final Map<String, Map<Long, SealedLine>> seals = new HashMap<>();

        void broken(String what, Long seq, Long id) {
            if (problem == null) {
                problem = what;
                brokenSeq = seq;
                brokenId = id;
            }
        }
    }

    AuditLog.Verification check() {
        List<AuditLog.Anchor> known;
        try {
            known = anchors.all();
        }
        catch (AuditAnchors.UnreadableAnchor ex) {
            return new AuditLog.Verification(0, null, null, "anchorFile", null, 0, null);
        }
        Map<Long, List<AuditLog.Anchor>> anchorsBySeq = new HashMap<>();
        known.forEach(a -> anchorsBySeq.computeIfAbsent(a.seq(), s -> new ArrayList<>()).add(a));
        AuditLog.Anchor last = known.stream().max(java.util.Comparator.comparingLong(AuditLog.Anchor::seq)
                .thenComparing(AuditLog.Anchor::at)).orElse(null);
        return snapshot.execute(status -> {
            Walk walk = new Walk();
            MessageDigest sha256 = Seal.sha256();
            jdbc.query("SELECT chain_seq, id, occurred_at, actor, action, entity_type, entity_id, patient_id, details, "
                    + "prev_hash, hash FROM audit_event ORDER BY chain_seq", rs -> {
                        line(rs, walk, sha256, anchorsBySeq);
                    });
            long lastSeq = walk.expectedSeq - 1;
            if (last != null && last.seq() > lastSeq) {
                walk.broken("truncated", last.seq(), null);
            }
            Map<String, Object> head = jdbc.queryForMap("SELECT last_seq, last_hash FROM audit_chain_head");
            String headHash = HexFormat.of().formatHex((byte[]) head.get("last_hash"));
            if (((Number) head.get("last_seq")).longValue() != lastSeq
                    || !Arrays.equals((byte[]) head.get("last_hash"), walk.previousHash)) {
                walk.broken("end", ((Number) head.get("last_seq")).longValue(), null);
            }
            if (walk.problem == null) {
                checkSeals(walk);
            }
            return new AuditLog.Verification(walk.lines, walk.brokenSeq, walk.brokenId, walk.problem, headHash, known.size(),
                    last);
        });
    }

    private void line(ResultSet rs, Walk walk, MessageDigest sha256, Map<Long, List<AuditLog.Anchor>> anchorsBySeq)
            throws SQLException {
        walk.lines++;
        if (walk.problem != null) {
            return; // counted, not checked: the first break is what the admin needs
        }
        long seq = rs.getLong("chain_seq");
        long id = rs.getLong("id");
        byte[] prevHash = rs.getBytes("prev_hash");
        byte[] hash = rs.getBytes("hash");
        String details = rs.getString("details");
        sha256.reset();
        sha256.update(prevHash);
        sha256.update(jsonbText(seq, id, rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("actor"),
                rs.getString("action"), rs.getString("entity_type"), (Long) rs.getObject("entity_id"),
                (Long) rs.getObject("patient_id"), details).getBytes(StandardCharsets.UTF_8));
        if (!Arrays.equals(hash, sha256.digest())) {
            walk.broken("content", seq, id);
        }
        else if (seq != walk.expectedSeq) {
            walk.broken("missing", seq, id);
        }
        else if (!Arrays.equals(prevHash, walk.previousHash)) {
            walk.broken("link", seq, id);
        }
        else {
            String hex = HexFormat.of().formatHex(hash);
            for (AuditLog.Anchor anchor : anchorsBySeq.getOrDefault(seq, List.of())) {
                if (!anchor.hash().equals(hex)) {
                    walk.broken("anchor", seq, id);
                }
            }
        }
        String seal = AuditTrail.sealOf(details);
        Long entityId = (Long) rs.getObject("entity_id");
        if (seal != null && entityId != null) {
            walk.seals.computeIfAbsent(rs.getString("entity_type"), t -> new LinkedHashMap<>())
                    .put(entityId, new SealedLine(seq, id, seal));
        }
        walk.expectedSeq = seq + 1;
        walk.previousHash = hash;
    }

    /** Each sealed record as it reads now against its line's seal; the first mismatch in chain order is named. */
    private void checkSeals(Walk walk) {
        SealedLine first = null;
        for (SealedRecords records : sealed) {
            Map<Long, SealedLine> lines = walk.seals.getOrDefault(records.entityType(), Map.of());
            List<Long> ids = new ArrayList<>(lines.keySet());
            for (int from = 0; from < ids.size(); from += SEAL_BATCH) {
                List<Long> batch = ids.subList(from, Math.min(ids.size(), from + SEAL_BATCH));
                Map<Long, String> now = sealsNow(records, batch);
                for (Long entityId : batch) {
                    SealedLine line = lines.get(entityId);
                    if (!line.seal().equals(now.get(entityId)) && (first == null || line.seq() < first.seq())) {
                        first = line;
                    }
                }
            }
        }
        if (first != null) {
            walk.broken("seal", first.seq(), first.id());
        }
    }

    /** A record that no longer loads (a value its type refuses) counts as changed, not as a failed check. */
    private static Map<Long, String> sealsNow(SealedRecords records, Collection<Long> ids) {
        try {
            return records.sealsNow(ids);
        }
        catch (RuntimeException whole) {
            Map<Long, String> now = new HashMap<>();
            for (Long id : ids) {
                try {
                    now.putAll(records.sealsNow(List.of(id)));
                }
                catch (RuntimeException one) {
                    // left out: reported as changed
                }
            }
            return now;
        }
    }

    /**
     * The text PostgreSQL gives {@code jsonb_build_array(chain_seq, id, micros, actor, action, entity_type,
     * entity_id, patient_id, details)::text}: elements separated by ", ", strings escaped as jsonb's output does.
     */
    static String jsonbText(long seq, long id, OffsetDateTime occurredAt, String actor, String action,
            String entityType, Long entityId, Long patientId, String details) {
        long micros = Seal.micros(occurredAt.toInstant());
        StringBuilder out = new StringBuilder(128).append('[').append(seq).append(", ").append(id).append(", ")
                .append(micros);
        for (Object value : new Object[] {actor, action, entityType, entityId, patientId, details}) {
            out.append(", ");
            if (value == null) {
                out.append("null");
            }
            else if (value instanceof String text) {
                string(out, text);
            }
            else {
                out.append(value);
            }
        }
        return out.append(']').toString();
    }

    /** PostgreSQL's escape_json: the short escapes, other control characters as a lower-case \\u00xx. */
    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < ' ') {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
