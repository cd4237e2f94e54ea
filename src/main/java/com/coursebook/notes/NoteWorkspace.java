package com.coursebook.notes;

import com.coursebook.course.CourseView;

/**
 * Everything the note screen shows at once: the session, its note (or none yet), the previous session's
 * signed note beside it, which fields the program records, what the form starts from, and whether the signed-in
 * clinician may save and sign it (a draft is its author's; anyone may start one).
 */
public record NoteWorkspace(CourseView course, CourseView.SessionView session, String patientName,
        NoteFields fields, NoteView note, NoteView previous, NoteContent startingContent, boolean mayWrite) {

    public boolean signed() {
        return note != null && note.signed();
    }
}
