package com.coursebook.notes;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import com.coursebook.audit.SealedRecords;

import org.springframework.stereotype.Component;

/** Signed notes as they read now, for the audit chain's check against the seals their SIGN lines carry. */
@Component
class NoteSeals implements SealedRecords {

    private final SessionNotes notes;

    NoteSeals(SessionNotes notes) {
        this.notes = notes;
    }

    @Override
    public String entityType() {
        return "SESSION_NOTE";
    }

    @Override
    public Map<Long, String> sealsNow(Collection<Long> ids) {
        return notes.findAllById(ids).stream().collect(Collectors.toMap(SessionNote::getId, SessionNote::seal));
    }
}
