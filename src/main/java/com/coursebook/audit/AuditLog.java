package com.coursebook.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.coursebook.shared.ClinicClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The admin's reading of the trail: search newest first, a page at a time (keyset on occurred_at and id, each filter
 * leading an index of V16, so a page is a range scan at any size of the trail), the same search as CSV, and the
 * check of the hash chain (in Java, against the anchors kept outside the database) and the daily anchor. Every
 * reading is itself written to the trail.
 */
@Service
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    public static final int PAGE = 50;

    private final NamedParameterJdbcTemplate jdbc;

    private final ClinicClock clock;

    private final AuditTrail trail;

    private final TransactionTemplate readOnly;

    private final AuditChainCheck check;

    private final AuditAnchors anchors;

    AuditLog(DataSource dataSource, ClinicClock clock, AuditTrail trail, PlatformTransactionManager transactions,
            AuditChainCheck check, AuditAnchors anchors) {
        this.check = check;
        this.anchors = anchors;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(1000); // the export streams through a cursor rather than loading millions of rows
        this.jdbc = new NamedParameterJdbcTemplate(template);
        this.clock = clock;
        this.trail = trail;
    }

    /**
     * What to look for; any part may be empty. {@code notesOnly}: lines about session notes, so with a patient it
     * answers "who saw this patient's notes".
     */
    public record Query(Long patientId, String actor, String action, boolean notesOnly, LocalDate from, LocalDate to) {

        String describe() {
            List<String> parts = new ArrayList<>();
            if (patientId != null) {
                parts.add("patient=" + patientId);
            }
            if (actor != null) {
                parts.add("user=" + actor);
            }
            if (action != null) {
                parts.add("action=" + action);
            }
            if (notesOnly) {
                parts.add("notes");
            }
            if (from != null) {
                parts.add("from=" + from);
            }
            if (to != null) {
                parts.add("to=" + to);
            }
            return parts.isEmpty() ? "all" : String.join("; ", parts);
        }
    }

    /** One line; {@code repeats}: how many more times the same read followed within the minute (0: none). */
    public record Line(long id, Instant occurredAt, String actor, String action, String entityType, Long entityId,
            Long patientId, String details, int repeats, Instant lastRepeatAt, String patientRecord) {
    }

    /**
     * The patient a record number names ("CB-001041", or just 1041 as staff say it), as the filter reads it: staff
     * know patients by record number, never by the internal id. Empty when no patient has it.
     */
    public java.util.Optional<Long> patientOfRecord(String recordNumber) {
        String digits = recordNumber == null ? "" : recordNumber.strip().toUpperCase(java.util.Locale.ROOT)
                .replaceFirst("^CB-?", "");
        if (!digits.matches("\\d{1,9}")) {
            return java.util.Optional.empty();
        }
        String record = String.format(java.util.Locale.ROOT, "CB-%06d", Long.parseLong(digits));
        return jdbc.query("SELECT id FROM patient WHERE record_number = :record",
                new MapSqlParameterSource("record", record), (rs, n) -> rs.getLong(1)).stream().findFirst();
    }

    /** A page, newest first; {@code nextBefore} is the cursor of the next (older) page, null on the last. */
    public record Page(List<Line> lines, Long nextBefore) {
    }

    /**
     * The verification's answer: {@code problem} null when every link holds, else the first break (content, missing,
     * link, end, anchor, truncated, seal, anchorFile; docs/security.md). {@code lastAnchor}: the latest anchor the
     * chain was compared with, null when none has been written yet.
     */
    public record Verification(long linesChecked, Long brokenSeq, Long brokenId, String problem, String headHash,
            int anchorsChecked, Anchor lastAnchor) {

        public boolean holds() {
            return problem == null;
        }
    }

    /** The chain's head at a moment, kept outside the database: the last line's number and hash, how many lines. */
    public record Anchor(long seq, String hash, long lines, Instant at) {
    }

    @Transactional
    public Page search(Query query, Long before) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String sql = select(query, params) + (before == null ? ""
                : " AND (e.occurred_at, e.id) < ((SELECT occurred_at FROM audit_event WHERE id = :before), :before)")
                + " ORDER BY e.occurred_at DESC, e.id DESC LIMIT " + (PAGE + 1);
        params.addValue("before", before);
        List<Line> lines = new ArrayList<>(jdbc.query(sql, params, (rs, n) -> line(rs)));
        Long next = null;
        if (lines.size() > PAGE) {
            lines.remove(PAGE);
            next = lines.get(PAGE - 1).id();
        }
        trail.record("VIEW", "AUDIT", null, query.patientId(), query.describe());
        return new Page(lines, next);
    }

    /**
     * Every line the query finds, newest first, handed on one by one (not held in memory). The export's own line is
     * committed first: a line holds the chain's lock until its transaction ends, and the download may take long.
     */
    public void export(Query query, Consumer<Line> sink) {
        trail.record("EXPORT", "AUDIT", null, query.patientId(), query.describe());
        MapSqlParameterSource params = new MapSqlParameterSource();
        String sql = select(query, params) + " ORDER BY e.occurred_at DESC, e.id DESC";
        // In a transaction, so the driver reads through a cursor, fetch size at a time.
        readOnly.executeWithoutResult(status -> jdbc.query(sql, params, rs -> {
            sink.accept(line(rs));
        }));
    }

    /**
     * The chain recomputed in Java and compared with the anchors outside the database (not {@code audit_verify()},
     * which the database's owner can replace); the check itself is a line of the trail.
     */
    public Verification verify() {
        Verification result = check.check();
        trail.record("VERIFY", "AUDIT", result.brokenId(), null, result.holds()
                ? "holds; lines=" + result.linesChecked() + "; anchors=" + result.anchorsChecked()
                : "broken: " + result.problem() + " at seq " + result.brokenSeq());
        if (!result.holds()) {
            log.error("Audit chain broken: {} at line {} (id {}); {} lines, {} anchors compared", result.problem(),
                    result.brokenSeq(), result.brokenId(), result.linesChecked(), result.anchorsChecked());
        }
        return result;
    }

    /**
     * Checks the chain and, if it holds, writes its head as a new anchor (file and log). A broken chain gets no
     * anchor: it would vouch for the break. Every day (UTC, {@code coursebook.audit.anchor-cron}) and on demand.
     */
    @Scheduled(cron = "${coursebook.audit.anchor-cron:0 15 0 * * *}", zone = "UTC")
    public Verification anchor() {
        Verification result = verify();
        if (result.holds()) {
            // A chain that holds has no gaps and its head names its last line: lines checked = the last number.
            Anchor anchor = new Anchor(result.linesChecked(), result.headHash(), result.linesChecked(), clock.now());
            anchors.write(anchor);
            return new Verification(result.linesChecked(), null, null, null, result.headHash(),
                    result.anchorsChecked() + 1, anchor);
        }
        return result;
    }

    /** Where the anchor files are written, for the operator. */
    public String anchorFolder() {
        return anchors.directory().toString();
    }

    private String select(Query query, MapSqlParameterSource params) {
        StringBuilder sql = new StringBuilder("SELECT e.id, e.occurred_at, e.actor, e.action, e.entity_type, "
                + "e.entity_id, e.patient_id, e.details, r.repeat_count, r.last_at, p.record_number FROM audit_event e "
                + "LEFT JOIN audit_repeat r ON r.event_id = e.id LEFT JOIN patient p ON p.id = e.patient_id WHERE true");
        if (query.patientId() != null) {
            sql.append(" AND e.patient_id = :patient");
            params.addValue("patient", query.patientId());
        }
        if (query.actor() != null) {
            // the login as typed, or anyone whose name contains the text (staff know each other by name)
            sql.append(" AND e.actor IN (SELECT CAST(:actor AS text) UNION SELECT username FROM app_user "
                    + "WHERE strpos(lower(display_name), lower(:actor)) > 0)");
            params.addValue("actor", query.actor());
        }
        if (query.action() != null) {
            sql.append(" AND e.action = :action");
            params.addValue("action", query.action());
        }
        if (query.notesOnly()) {
            sql.append(" AND e.entity_type = 'SESSION_NOTE'");
        }
        if (query.from() != null) {
            sql.append(" AND e.occurred_at >= :from");
            params.addValue("from", Timestamp.from(clock.toInstant(query.from().atStartOfDay())));
        }
        if (query.to() != null) {
            sql.append(" AND e.occurred_at < :to");
            params.addValue("to", Timestamp.from(clock.toInstant(query.to().plusDays(1).atStartOfDay())));
        }
        return sql.toString();
    }

    private static Line line(ResultSet rs) throws SQLException {
        Timestamp last = rs.getTimestamp("last_at");
        return new Line(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                rs.getString("action"), rs.getString("entity_type"), (Long) rs.getObject("entity_id"),
                (Long) rs.getObject("patient_id"), rs.getString("details"), rs.getInt("repeat_count"),
                last == null ? null : last.toInstant(), rs.getString("record_number"));
    }
}
