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

    /** One field and what is wrong with it. */
    public record FieldProblem(String field, String messageCode, Object... arguments) {
    }

    /** Every field at fault (one, unless a subclass knows several at once). */
    public java.util.List<FieldProblem> problems() {
        return java.util.List.of(new FieldProblem(field, messageCode(), arguments()));
    }

    /** What the API's problem detail says over the list of fields. */
    public String detailCode() {
        return "problem.invalid.detail";
    }

    /** What a screen says over its marked fields, or null when the marks say enough. */
    public String formCode() {
        return null;
    }
}
