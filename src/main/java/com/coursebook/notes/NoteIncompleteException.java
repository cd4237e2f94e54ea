package com.coursebook.notes;

import java.util.List;

import com.coursebook.shared.InvalidRequestException;

/**
 * A note cannot be signed yet: these fields are still empty. Carries every missing field, so a form can
 * mark them all at once rather than one per attempt.
 */
public class NoteIncompleteException extends InvalidRequestException {

    private final List<String> fields;

    NoteIncompleteException(List<String> fields) {
        super(fields.get(0), requiredCode(fields.get(0)));
        this.fields = List.copyOf(fields);
    }

    public List<String> fields() {
        return fields;
    }

    static String requiredCode(String field) {
        return "note." + field + ".required";
    }
}
