package com.coursebook.catalog;

import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** What an edit changed, as "field: old → new" for the audit trail; fields left as they were are not listed. */
public final class ChangeLog {

    private ChangeLog() {
    }

    public static String between(Map<String, Object> before, Map<String, Object> after) {
        return after.entrySet().stream()
                .filter(field -> !Objects.equals(before.get(field.getKey()), field.getValue()))
                .map(field -> field.getKey() + ": " + show(before.get(field.getKey())) + " → " + show(field.getValue()))
                .collect(Collectors.joining("; "));
    }

    /** Texts are quoted so an emptied or padded one can be told from a missing one. */
    private static String show(Object value) {
        return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
    }
}
