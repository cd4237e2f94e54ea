package com.coursebook.platform.web;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Every controller's binder (query parameters, path variables, form fields) refuses text with a NUL character: a
 * form shows it beside the field (typeMismatch), a parameter is a 400 naming it. See {@link InputRules}.
 */
@ControllerAdvice
class NoNulCharacters {

    @InitBinder
    void refuseNul(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new InputRules.NoNulEditor());
    }
}
