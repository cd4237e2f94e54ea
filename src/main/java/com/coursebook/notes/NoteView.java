package com.coursebook.notes;

import java.time.LocalDateTime;
import java.util.List;

import com.coursebook.shared.StaffLogin;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A note as the screen and the API show it, with its amendments in the order they were added.
 * The content's fields sit at the top level, as they are sent in.
 */
public record NoteView(Long id, Long sessionId, int sessionNumber, NoteStatus status,
        @JsonUnwrapped NoteContent content, @StaffLogin String author, @StaffLogin String signedBy, LocalDateTime signedAt,
        LocalDateTime updatedAt, long version, List<AmendmentView> amendments, String heldForReview) {

    /** Without a hold: every answer except a signature that held the course. */
    public NoteView(Long id, Long sessionId, int sessionNumber, NoteStatus status, NoteContent content, String author,
            String signedBy, LocalDateTime signedAt, LocalDateTime updatedAt, long version,
            List<AmendmentView> amendments) {
        this(id, sessionId, sessionNumber, status, content, author, signedBy, signedAt, updatedAt, version,
                amendments, null);
    }

    /**
     * The same note, saying that signing it held the course for review and why: stored as the application's
     * phrases until the edge puts them into the reader's words.
     */
    public NoteView heldForReview(String reason) {
        return new NoteView(id, sessionId, sessionNumber, status, content, author, signedBy, signedAt, updatedAt,
                version, amendments, reason);
    }

    public boolean signed() {
        return status == NoteStatus.SIGNED;
    }

    /** A correction of a signed note: why, what, who and when. */
    public record AmendmentView(Long id, String reason, String text, @StaffLogin String author, LocalDateTime at) {
    }
}
