package com.coursebook.catalog;

import com.coursebook.shared.InvalidRequestException;

/** A name a person types: stripped, never empty, never longer than its column's purpose allows. */
final class Names {

    private Names() {
    }

    static String required(String name, String field, int maxLength) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            throw new InvalidRequestException(field, "catalog.name.required");
        }
        if (stripped.length() > maxLength) {
            throw new InvalidRequestException(field, "field.tooLong.at", maxLength);
        }
        return stripped;
    }
}
