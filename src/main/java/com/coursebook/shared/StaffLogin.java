package com.coursebook.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a view's field that holds who did something as their login (signed by, confirmed by, recorded by): the JSON API
 * shows the person's display name there instead, as the screens do, never the login. The stored value stays the
 * login; the name is put in at the edge (in {@code platform}).
 */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface StaffLogin {
}
