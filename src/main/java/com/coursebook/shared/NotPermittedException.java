package com.coursebook.shared;

/**
 * The signed-in person's role allows the act, but not on this record (someone else's draft). Rendered as 403 with
 * the message looked up from the bundles: saying whose record it is tells them whom to ask.
 */
public class NotPermittedException extends LocalizedException {

    public NotPermittedException(String messageCode, Object... arguments) {
        super(messageCode, arguments);
    }
}
