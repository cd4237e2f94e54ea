package com.coursebook.shared;

/**
 * A request that is well-formed but clashes with the current state (an illegal act on a domain object,
 * a stale version). Rendered as 409 with the message looked up from the bundles.
 */
public class ConflictException extends LocalizedException {

    public ConflictException(String messageCode, Object... arguments) {
        super(messageCode, arguments);
    }
}
