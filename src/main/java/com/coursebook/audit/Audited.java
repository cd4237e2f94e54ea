package com.coursebook.audit;

/**
 * A change of patient data, published as an event by the module that made it; the audit trail writes its line
 * in the same transaction, so the change and its line commit or roll back together.
 */
public interface Audited {

    /** What was done, e.g. MOVE, STOPPED, SIGN. */
    String action();

    /** What it was done to, e.g. SESSION, COURSE, NOTE. */
    String entityType();

    Long entityId();

    Long patientId();

    /** A short note of what changed, never clinical free text. */
    default String details() {
        return null;
    }

    /**
     * For a record that becomes unalterable by this act (a signed note): a hash of what it says now ({@link Seal}),
     * kept in the chained line; the chain's check recomputes it from the record ({@link SealedRecords}). Null: none.
     */
    default String seal() {
        return null;
    }
}
