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

/** "API tokens" for everyone: their own tokens, a new one shown once after it is made, revoking. */
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
        String me = Staff.currentName();
        return Forms.submit(result, () -> tokens.create(me, form.getName(), form.getExpiresOn(), me), field -> field)
                .map(created -> {
                    // In the flash (the session) only until the next page shows it: then it is gone for good.
                    redirect.addFlashAttribute("newToken", created.token());
                    redirect.addFlashAttribute("message", "tokens.created");
                    return "redirect:" + PAGE;
                }).orElseGet(() -> page(model));
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(id, Staff.currentName(), Staff.currentName());
        redirect.addFlashAttribute("message", "tokens.revoked");
        return "redirect:" + PAGE;
    }
}
