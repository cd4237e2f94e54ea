package com.coursebook.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a screen's form handler: where the screens' advice brings the user back when the act is refused (the rules,
 * a taken slot, a state that does not allow it), with the reason in words. Path variables of the handler's URL
 * ({@code {id}}) are filled in. Keeps controllers free of try/catch: they state the happy path only.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ReturnsTo {

    /** The page to come back to, e.g. {@code /sessions/{id}}. */
    String value();

    /** The message shown when the rules refuse (their findings are listed under it). */
    String refused() default "session.move.refused";
}
