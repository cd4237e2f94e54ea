package com.coursebook.security.web;

import java.util.List;

import com.coursebook.security.PasswordForm;
import com.coursebook.security.Staff;
import com.coursebook.security.StaffAdministration;
import com.coursebook.security.internal.ApiTokens;
import com.coursebook.shared.Forms;

import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Everyone's own password. After an admin set a temporary one, this is the only page the person can reach
 * ({@code StaffSessionCheck}) until they have chosen their own; then they go on to their start page.
 */
@Controller
@RequestMapping("/account/password")
class AccountController {

    private final StaffAdministration staff;

    private final ApiTokens tokens;

    AccountController(StaffAdministration staff, ApiTokens tokens) {
        this.staff = staff;
        this.tokens = tokens;
    }

    /** The person's API tokens beside their password, with "revoke all": a changed password does not revoke them. */
    @ModelAttribute("tokens")
    List<ApiTokens.Token> tokens() {
        return tokens.of(Staff.currentName());
    }

    /** Whether the person is here because their password is a temporary one. */
    @ModelAttribute("mustChange")
    boolean mustChange() {
        return Staff.currentMustChangePassword();
    }

    @GetMapping
    String form(@ModelAttribute("passwordForm") PasswordForm form) {
        return "staff/password";
    }

    @PostMapping
    String change(@ModelAttribute("passwordForm") PasswordForm form, BindingResult result,
            RedirectAttributes redirect) {
        if (Forms.accepted(result, () -> staff.changeOwnPassword(form))) {
            redirect.addFlashAttribute("message", "password.flash.changed");
            return "redirect:/";
        }
        return "staff/password";
    }
}
