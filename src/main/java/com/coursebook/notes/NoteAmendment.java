package com.coursebook.notes;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A correction added to a signed note: why, what, who and when. Never edited or removed (nor in the database). */
@Entity
@Immutable
@Table(name = "note_amendment")
public class NoteAmendment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "note_id", nullable = false, updatable = false)
    private Long noteId;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(nullable = false, updatable = false)
    private String text;

    @Column(nullable = false, updatable = false)
    private String author;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected NoteAmendment() {
    }

    NoteAmendment(Long noteId, String reason, String text, String author, Instant createdAt) {
        if (reason == null || reason.isBlank() || text == null || text.isBlank()) {
            throw new IllegalArgumentException("An amendment needs a reason and a text");
        }
        this.noteId = noteId;
        this.reason = reason.strip();
        this.text = text.strip();
        this.author = author;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Long getNoteId() {
        return noteId;
    }

    public String getReason() {
        return reason;
    }

    public String getText() {
        return text;
    }

    public String getAuthor() {
        return author;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
