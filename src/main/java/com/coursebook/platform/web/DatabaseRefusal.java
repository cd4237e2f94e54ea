package com.coursebook.platform.web;

import java.sql.SQLException;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;

/**
 * What the database's own guards refused, in the message the edge says for it: both advices (API and screens)
 * read the SQLSTATE here, so a refusal reads the same on either. Empty: a violation with no words of its own.
 */
enum DatabaseRefusal {

    /** An exclusion constraint: a session booked meanwhile overlaps (V13). */
    OVERLAP("23P01", "problem.slotTaken.title", "problem.slotTaken.detail.null"),

    /** A session with a signed note was to be moved, cancelled or marked missed (V18's trigger). */
    SESSION_HAS_SIGNED_NOTE("23S01", "problem.conflict.title", "session.signedNote.meanwhile"),

    /** A note was to be signed on a session that was cancelled or marked missed (V18's trigger). */
    SESSION_NOT_HELD("23S02", "problem.conflict.title", "note.session.notHeld.meanwhile");

    private final String sqlState;

    final String titleCode;

    final String detailCode;

    DatabaseRefusal(String sqlState, String titleCode, String detailCode) {
        this.sqlState = sqlState;
        this.titleCode = titleCode;
        this.detailCode = detailCode;
    }

    static Optional<DatabaseRefusal> of(DataIntegrityViolationException ex) {
        if (!(ex.getMostSpecificCause() instanceof SQLException sql)) {
            return Optional.empty();
        }
        for (DatabaseRefusal refusal : values()) {
            if (refusal.sqlState.equals(sql.getSQLState())) {
                return Optional.of(refusal);
            }
        }
        return Optional.empty();
    }
}
