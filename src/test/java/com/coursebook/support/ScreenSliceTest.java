package com.coursebook.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.coursebook.course.DecisionRenderer;
import com.coursebook.security.SecurityConfiguration;

import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A web slice for one screen or API controller, with the app's security and its two advices (which put refusals
 * into words through the {@link DecisionRenderer}, mocked here). The controller's services are mocked by the test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest
@Import(SecurityConfiguration.class)
@MockitoBean(types = DecisionRenderer.class)
public @interface ScreenSliceTest {

    /** The controller under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value();
}
