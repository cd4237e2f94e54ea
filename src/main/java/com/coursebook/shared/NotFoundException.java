package com.coursebook.shared;

/** A record the caller asked for does not exist (or is not theirs to see). Rendered as 404. */
public class NotFoundException extends RuntimeException {

    private final String messageCode;

    private final Object[] arguments;

    public NotFoundException(String messageCode, Object... arguments) {
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
