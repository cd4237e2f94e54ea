package com.coursebook.scheduling;

import java.util.function.Supplier;

import com.coursebook.shared.InvalidRequestException;

import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin screens' one way of handling a posted form: if it is valid and the service accepts it, redirect
 * with a message; otherwise show the page again with the form's errors and what was typed.
 */
final class FormSubmission {

    private FormSubmission() {
    }

    static String handle(BindingResult result, Runnable act, RedirectAttributes redirect, String message,
            String target, Supplier<String> page) {
        if (!result.hasErrors()) {
            try {
                act.run();
                redirect.addFlashAttribute("message", message);
                return "redirect:" + target;
            }
            catch (InvalidRequestException ex) {
                result.rejectValue(ex.field(), ex.messageCode(), ex.arguments(), null);
            }
        }
        return page.get();
    }
}
