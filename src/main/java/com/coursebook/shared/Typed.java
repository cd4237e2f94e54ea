package com.coursebook.shared;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What a person typed into a form that was refused, carried back to the page the refusal returns to, so the form
 * shows it again instead of empty fields. Keyed by the form's address and the field ({@code /courses/7/pause#reason}),
 * as one page holds several forms with fields of the same name. Templates read it as
 * {@code ${typed?.get('/courses/' + c.id + '/pause#reason')}}.
 */
public final class Typed {

    public static final String ATTRIBUTE = "typed";

    private Typed() {
    }

    /** Flashes the request's fields (not the CSRF token) for the page the redirect goes to. */
    public static void keep(HttpServletRequest request, RedirectAttributes redirect) {
        Map<String, String> typed = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!"_csrf".equals(name) && values.length > 0) {
                typed.put(request.getRequestURI().substring(request.getContextPath().length()) + "#" + name,
                        values[0]);
            }
        });
        redirect.addFlashAttribute(ATTRIBUTE, typed);
    }
}
