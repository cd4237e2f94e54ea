package com.coursebook.security.web;

import com.coursebook.security.Staff;
import com.coursebook.security.internal.ApiTokens;
import com.coursebook.shared.Forms;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "API tokens" for everyone: their own tokens, a new one (their password typed again) shown once after it is made,
 * revoking one, or all of them (from the change-password page, which lists them too).
 */
@Controller
@RequestMapping("/account/tokens")
class AccountTokensController {

    private static final String PAGE = "/account/tokens";

    private final ApiTokens tokens;

    AccountTokensController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    String page(Model model) {
        if (!model.containsAttribute("tokenForm")) {
            model.addAttribute("tokenForm", new TokenForm());
        }
        model.addAttribute("tokens", tokens.of(Staff.currentName()));
        return "security/tokens";
    }

    @PostMapping
    String create(@ModelAttribute("tokenForm") TokenForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        return Forms.submit(result, () -> tokens.create(form.getName(), form.getExpiresOn(), form.getCurrentPassword()),
                        field -> field)
                .map(created -> {
                    // In the flash (the session) only until the next page shows it: then it is gone for good.
                    redirect.addFlashAttribute("newToken", created.token());
                    redirect.addFlashAttribute("message", "tokens.created");
                    return "redirect:" + PAGE;
                }).orElseGet(() -> page(model));
    }

    /** "Revoke all", offered beside the password: back there. */
    @PostMapping("/revoke-all")
    String revokeAll(RedirectAttributes redirect) {
        tokens.revokeAll(Staff.currentName(), Staff.currentName());
        redirect.addFlashAttribute("message", "tokens.revokedAll");
        return "redirect:/account/password";
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(id, Staff.currentName(), Staff.currentName());
        redirect.addFlashAttribute("message", "tokens.revoked");
        return "redirect:" + PAGE;
    }
}
