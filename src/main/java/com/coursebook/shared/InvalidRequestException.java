package com.coursebook.shared;

/**
 * Input that passed the form's own checks but names something that does not fit (an unknown catalog code,
 * cycle data for a male patient). Rendered as 400 naming the field, or as a field error on a screen.
 */
public class InvalidRequestException extends LocalizedException {

    private final String field;

    public InvalidRequestException(String field, String messageCode, Object... arguments) {
        super(messageCode, arguments);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
