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

    /**
     * For pages whose model is heavy to build: the handler's view name and model are asserted, the template is not
     * rendered (the full-stack tests render every page for real).
     */
    String VIEW_NAMES_ONLY = "spring.thymeleaf.excluded-view-names=*";

    /** The controller under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value();

    /** Properties for the slice, e.g. {@link #VIEW_NAMES_ONLY}. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "properties")
    String[] properties() default {};
}
