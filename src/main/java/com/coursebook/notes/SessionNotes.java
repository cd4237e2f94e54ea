package com.coursebook.notes;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SessionNotes extends JpaRepository<SessionNote, Long> {

    Optional<SessionNote> findBySessionId(Long sessionId);

    /** Which session a note is about, without loading the note (read before the session is locked). */
    @Query("select n.sessionId from SessionNote n where n.id = :id")
    Optional<Long> findSessionIdById(Long id);

    /** Signed notes of the given sessions (the earlier sessions of a course), in one query. */
    @Query("select n from SessionNote n where n.sessionId in :sessionIds "
            + "and n.status = com.coursebook.notes.NoteStatus.SIGNED")
    List<SessionNote> findSignedBySessionIdIn(Collection<Long> sessionIds);
}
