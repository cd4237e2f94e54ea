package com.coursebook.shared;

/**
 * A request that is well-formed but clashes with the current state (an illegal act on a domain object,
 * a stale version, a taken slot). Rendered as 409 with the message looked up from the bundles.
 */
public class ConflictException extends RuntimeException {

    private final String messageCode;

    private final Object[] arguments;

    public ConflictException(String messageCode, Object... arguments) {
        super(messageCode);
        this.messageCode = messageCode;
        this.arguments = arguments;
    }

    public String messageCode() {
        return messageCode;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
