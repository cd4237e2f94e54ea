package com.coursebook.notes;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import com.coursebook.course.SignedSessions;

import org.springframework.stereotype.Component;

/** Course's view of signed notes, read from the notes this module owns. */
@Component
class SignedNotesOfSessions implements SignedSessions {

    private final SessionNotes notes;

    SignedNotesOfSessions(SessionNotes notes) {
        this.notes = notes;
    }

    @Override
    public Set<Long> among(Collection<Long> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Set.of();
        }
        return notes.findSignedBySessionIdIn(sessionIds).stream().map(SessionNote::getSessionId)
                .collect(Collectors.toSet());
    }
}
