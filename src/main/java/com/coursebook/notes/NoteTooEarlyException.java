package com.coursebook.notes;

import com.coursebook.shared.ConflictException;

/**
 * A note is signed only once its session has begun (then the session is fixed). Like an incomplete note, a draft
 * saved with the signature stays saved: nothing typed is lost because the clinician signed too soon.
 */
public class NoteTooEarlyException extends ConflictException {

    NoteTooEarlyException(int sessionNumber) {
        super("note.sign.early", sessionNumber);
    }
}
