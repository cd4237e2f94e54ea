package com.coursebook.audit;

import java.util.Collection;
import java.util.Map;

/**
 * A module whose records are sealed in the chain when they become unalterable (the notes module: signed notes). The
 * chain's check asks it for each sealed record's seal as the record reads now and compares it with the one in the
 * chain, so a record rewritten behind the database's triggers is found.
 */
public interface SealedRecords {

    /** The entity type of the lines that carry these records' seals, e.g. SESSION_NOTE. */
    String entityType();

    /** The seal of each record as it reads now, by id; a record missing from the answer is gone or unreadable. */
    Map<Long, String> sealsNow(Collection<Long> ids);
}
