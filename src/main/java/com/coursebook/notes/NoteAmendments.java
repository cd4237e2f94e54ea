package com.coursebook.notes;

import java.util.List;

import org.springframework.data.repository.Repository;

interface NoteAmendments extends Repository<NoteAmendment, Long> {

    NoteAmendment save(NoteAmendment amendment);

    List<NoteAmendment> findByNoteIdOrderById(Long noteId);
}
