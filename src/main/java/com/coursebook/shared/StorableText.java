package com.coursebook.shared;

/**
 * Text typed by someone else that must be stored as it came (a name tried at sign-in, kept by the audit trail and the
 * sign-in throttle): PostgreSQL's text cannot hold a NUL character, so each becomes U+FFFD (the replacement
 * character) rather than failing the statement, and the request with it.
 */
public final class StorableText {

    private StorableText() {
    }

    public static String of(String text) {
        return text == null || text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
    }
}
