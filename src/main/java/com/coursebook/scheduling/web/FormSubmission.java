package com.coursebook.scheduling.web;

import java.util.function.Supplier;

import com.coursebook.shared.Forms;

import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin screens' one way of handling a posted form: if it is valid and the service accepts it, redirect
 * with a message; otherwise show the page again with the form's errors and what was typed.
 */
public final class FormSubmission {

    private FormSubmission() {
    }

    static String handle(BindingResult result, Runnable act, RedirectAttributes redirect, String message,
            String target, Supplier<String> page) {
        if (Forms.accepted(result, act)) {
            redirect.addFlashAttribute("message", message);
            return "redirect:" + target;
        }
        return page.get();
    }
}
