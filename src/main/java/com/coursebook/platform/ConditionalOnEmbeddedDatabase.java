package com.coursebook.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/**
 * Active when no {@code spring.datasource.url} is configured: the app then runs its own embedded
 * PostgreSQL (and, if enabled, loads demo data). With a URL set (docker-compose, production) it backs off.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
public @interface ConditionalOnEmbeddedDatabase {
}
