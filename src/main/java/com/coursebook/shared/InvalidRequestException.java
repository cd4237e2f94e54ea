package com.coursebook.shared;

/**
 * Input that passed the form's own checks but names something that does not fit (an unknown catalog code,
 * cycle data for a male patient). Rendered as 400 naming the field, or as a field error on a screen.
 */
public class InvalidRequestException extends RuntimeException {

    private final String field;

    private final String messageCode;

    private final Object[] arguments;

    public InvalidRequestException(String field, String messageCode, Object... arguments) {
        super(messageCode);
        this.field = field;
        this.messageCode = messageCode;
        this.arguments = arguments;
    }

    public String field() {
        return field;
    }

    public String messageCode() {
        return messageCode;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
