package com.coursebook.notes;

import com.coursebook.audit.Audited;

/**
 * What happened to a session note, registered by {@link SessionNote} and published when it is saved; the audit
 * trail writes its line from it. Holds the note, whose id exists only once it is stored.
 */
public sealed interface NoteAct extends Audited {

    SessionNote note();

    /** The patient and the session's number in the course, which the note itself does not carry. */
    Of of();

    /** Whose note, and which session of the course it is about. */
    record Of(Long patientId, int sessionNumber) {
    }

    @Override
    default String entityType() {
        return "SESSION_NOTE";
    }

    @Override
    default Long entityId() {
        return note().getId();
    }

    @Override
    default Long patientId() {
        return of().patientId();
    }

    @Override
    default String details() {
        return "session " + of().sessionNumber();
    }

    /** A draft written for the first time, or written again. */
    record Drafted(SessionNote note, Of of, boolean first) implements NoteAct {

        @Override
        public String action() {
            return first ? "CREATE" : "UPDATE";
        }
    }

    /** Signed: from now on read-only, corrected only by amendments. */
    record Signed(SessionNote note, Of of) implements NoteAct {

        @Override
        public String action() {
            return "SIGN";
        }

        @Override
        public String seal() {
            return note.seal();
        }
    }

    /** A correction of the signed note, kept beside the original. */
    record Amended(SessionNote note, Of of, NoteAmendment amendment) implements NoteAct {

        @Override
        public String action() {
            return "AMEND";
        }

        @Override
        public String details() {
            return "amendment " + amendment.getId() + "; session " + of.sessionNumber();
        }
    }
}
