package com.coursebook.shared;

/** A refusal whose text is looked up in the message bundles, in the reader's language, at the edge. */
public abstract class LocalizedException extends RuntimeException {

    private final String messageCode;

    private final Object[] arguments;

    protected LocalizedException(String messageCode, Object... arguments) {
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
