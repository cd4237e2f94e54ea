package com.coursebook.notes;

import com.coursebook.course.CourseView;

/**
 * Everything the note screen shows at once: the session, its note (or none yet), the previous session's
 * signed note beside it, which fields the program records, and what the form starts from.
 */
public record NoteWorkspace(CourseView course, CourseView.SessionView session, String patientName,
        NoteFields fields, NoteView note, NoteView previous, NoteContent startingContent) {

    public boolean signed() {
        return note != null && note.signed();
    }
}
