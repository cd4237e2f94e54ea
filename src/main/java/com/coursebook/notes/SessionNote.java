package com.coursebook.notes;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import com.coursebook.audit.Seal;
import com.coursebook.shared.ConflictException;
import com.coursebook.shared.NotPermittedException;
import com.coursebook.shared.VersionedEntity;

/**
 * The clinician's record of one session. It is a draft until signed; once signed it never changes (the
 * database refuses an UPDATE or DELETE of a signed row too), and a correction is a {@link NoteAmendment}
 * beside it, so the original stays readable as signed.
 */
@Entity
@Table(name = "session_note")
public class SessionNote extends VersionedEntity {

    @Column(name = "session_id", nullable = false, updatable = false)
    private Long sessionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private NoteStatus status = NoteStatus.DRAFT;

    @Embedded
    private NoteContent content;

    @Column(nullable = false, updatable = false)
    private String author;

    @Column(name = "signed_by")
    private String signedBy;

    @Column(name = "signed_at")
    private Instant signedAt;

    protected SessionNote() {
    }

    static SessionNote draft(Long sessionId, NoteContent content, String author, NoteAct.Of of) {
        SessionNote note = new SessionNote();
        note.sessionId = sessionId;
        note.content = content;
        note.author = author;
        note.register(new NoteAct.Drafted(note, of, true));
        return note;
    }

    /** Replaces what the draft says; a signed note is refused (correct it with an amendment). */
    void saveDraft(NoteContent newContent, NoteAct.Of of) {
        if (isSigned()) {
            throw new ConflictException("note.signed", getId());
        }
        this.content = newContent;
        register(new NoteAct.Drafted(this, of, false));
    }

    /**
     * The clinician who wrote the note vouches for it as it stands; from now on it is read-only. Nobody signs
     * someone else's words (the database holds signed_by = author too).
     */
    void sign(String by, Instant at, NoteAct.Of of) {
        if (isSigned()) {
            throw new ConflictException("note.alreadySigned", getId(), signedBy);
        }
        if (!isWrittenBy(by)) {
            throw new NotPermittedException("note.draft.notYours", author);
        }
        this.status = NoteStatus.SIGNED;
        this.signedBy = by;
        // The database keeps microseconds: the seal in the audit chain is made from the values as they will be read back.
        this.signedAt = at.truncatedTo(ChronoUnit.MICROS);
        register(new NoteAct.Signed(this, of));
    }

    /**
     * A correction of a signed note; a draft is simply edited instead. The amendment is stored by its own
     * repository before the note is saved, so the act names it.
     */
    NoteAmendment amend(String reason, String text, String by, Instant at, NoteAct.Of of) {
        if (!isSigned()) {
            throw new ConflictException("note.amend.draft", getId());
        }
        NoteAmendment amendment = new NoteAmendment(getId(), reason, text, by, at);
        register(new NoteAct.Amended(this, of, amendment));
        return amendment;
    }

    /**
     * What the signer vouched for, as a {@link Seal}: kept in the chained SIGN line, recomputed by the chain's check
     * ({@code NoteSeals}), so a signed note rewritten behind the database's trigger is found.
     */
    String seal() {
        NoteContent c = getContent();
        return Seal.of(getId(), sessionId, status, c.durationMinutes(), c.position(), c.route(), c.technique(),
                c.intensity(), c.tolerance(), c.painDuring(), c.painAfter(), c.findings(), c.sampleTaken(),
                c.sampleLabel(), c.adverseEvent(), c.adverseEvents(), c.trend(), c.freeText(), author, signedBy,
                signedAt);
    }

    /** Whether {@code login} wrote this note: only its author edits and signs it. */
    public boolean isWrittenBy(String login) {
        return author.equals(login);
    }

    public boolean isSigned() {
        return status == NoteStatus.SIGNED;
    }

    public Long getSessionId() {
        return sessionId;
    }

    public NoteStatus getStatus() {
        return status;
    }

    public NoteContent getContent() {
        return content == null ? NoteContent.EMPTY : content;
    }

    public String getAuthor() {
        return author;
    }

    public String getSignedBy() {
        return signedBy;
    }

    public Instant getSignedAt() {
        return signedAt;
    }
}
