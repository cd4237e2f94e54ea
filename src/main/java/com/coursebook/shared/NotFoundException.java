package com.coursebook.shared;

/** A record the caller asked for does not exist (or is not theirs to see). Rendered as 404. */
public class NotFoundException extends LocalizedException {

    public NotFoundException(String messageCode, Object... arguments) {
        super(messageCode, arguments);
    }
}
