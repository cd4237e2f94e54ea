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

    public static String requiredCode(String field) {
        return "note." + field + ".required";
    }

    @Override
    public List<FieldProblem> problems() {
        return fields.stream().map(field -> new FieldProblem(field, requiredCode(field))).toList();
    }

    @Override
    public String detailCode() {
        return "note.incomplete";
    }

    /** Signing saves the draft first, and an incomplete note stays a draft with what was typed. */
    @Override
    public String formCode() {
        return "note.incomplete.draftKept";
    }
}
