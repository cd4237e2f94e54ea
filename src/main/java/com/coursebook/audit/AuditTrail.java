package com.coursebook.audit;

import java.time.Duration;
import java.util.Set;

import com.coursebook.shared.StorableText;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records who viewed or changed which patient data. Called by the module that does the work, inside its
 * transaction, so a change and its audit line commit (or roll back) together.
 * <p>
 * Flood control: a read (see {@link #REPEATABLE}) identical to one the same person made within the last minute is
 * not a new line but a count on that line ({@code audit_repeat}, outside the hash chain: docs/security.md).
 */
@Service
public class AuditTrail {

    /** Reads and sign-in traffic, which a person or a script repeats; changes are always a line each. */
    static final Set<String> REPEATABLE = Set.of("VIEW", "SEARCH", "SIGN_IN", "SIGN_IN_FAILED", "DENIED");

    static final Duration BURST = Duration.ofMinutes(1);

    /** The longest actor stored: a failed sign-in records the name typed, which may be anything. */
    static final int ACTOR_LIMIT = 100;

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String action, String entityType, Long entityId, Long patientId, String details) {
        recordAs(currentActor(), action, entityType, entityId, patientId, details);
    }

    /** For what happens before anyone is signed in (a failed sign-in names the user tried). */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordAs(String actor, String action, String entityType, Long entityId, Long patientId,
            String details) {
        write(actor, action, entityType, entityId, patientId, details, null);
    }

    private void write(String actor, String action, String entityType, Long entityId, Long patientId, String details,
            String seal) {
        String typed = StorableText.of(actor);
        String who = typed == null || typed.isBlank() ? "anonymous"
                : typed.length() > ACTOR_LIMIT ? typed.substring(0, ACTOR_LIMIT) : typed;
        jdbc.sql(REPEATABLE.contains(action) ? APPEND_OR_COUNT : APPEND)
                .param("burst", BURST.toSeconds())
                .param("actor", who).param("action", action).param("type", entityType).param("entityId", entityId)
                .param("patientId", patientId).param("details", StorableText.of(seal == null ? details : sealed(details, seal)))
                .update();
    }

    /** The line's time is left out: the database stamps it and refuses one supplied by the app (V21). */
    private static final String APPEND = "INSERT INTO audit_event (actor, action, entity_type, entity_id, "
            + "patient_id, details) VALUES (:actor, :action, :type, CAST(:entityId AS bigint), "
            + "CAST(:patientId AS bigint), CAST(:details AS text))";

    /**
     * One statement, so a read costs what it did before flood control: the same line by the same person within the
     * burst gets its count raised, or else a new line is appended. (actor, occurred_at) leads an index, so the look
     * back is a short range however long the trail.
     */
    private static final String APPEND_OR_COUNT = """
            WITH same AS (
                SELECT id FROM audit_event
                WHERE actor = :actor AND occurred_at > now() - make_interval(secs => :burst) AND action = :action AND entity_type = :type
                  AND entity_id IS NOT DISTINCT FROM CAST(:entityId AS bigint)
                  AND patient_id IS NOT DISTINCT FROM CAST(:patientId AS bigint)
                  AND details IS NOT DISTINCT FROM CAST(:details AS text)
                ORDER BY occurred_at DESC, id DESC LIMIT 1),
            counted AS (
                INSERT INTO audit_repeat (event_id, repeat_count, last_at) SELECT id, 1, now() FROM same
                ON CONFLICT (event_id) DO UPDATE SET repeat_count = audit_repeat.repeat_count + 1,
                    last_at = excluded.last_at
                RETURNING event_id)
            INSERT INTO audit_event (actor, action, entity_type, entity_id, patient_id, details)
            SELECT :actor, :action, :type, CAST(:entityId AS bigint), CAST(:patientId AS bigint),
                   CAST(:details AS text)
            WHERE NOT EXISTS (SELECT FROM same)""";

    /** Every change another module announces: written in the transaction that made it (a synchronous listener). */
    @EventListener
    public void on(Audited change) {
        write(currentActor(), change.action(), change.entityType(), change.entityId(), change.patientId(),
                change.details(), change.seal());
    }

    /** The line's details with the record's seal appended, as {@link #sealOf} reads it back. */
    static String sealed(String details, String seal) {
        return (details == null ? "" : details + "; ") + SEAL + seal;
    }

    /** The seal a line's details carry, or null. */
    static String sealOf(String details) {
        int at = details == null ? -1 : details.lastIndexOf(SEAL);
        return at < 0 ? null : details.substring(at + SEAL.length());
    }

    private static final String SEAL = "seal=";

    public void patientViewed(Long patientId) {
        record("VIEW", "PATIENT", patientId, patientId, null);
    }

    static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }
}
