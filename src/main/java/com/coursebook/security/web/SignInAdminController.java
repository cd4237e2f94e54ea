package com.coursebook.security.web;

import java.time.Duration;
import java.util.List;

import com.coursebook.audit.SignInFailures;
import com.coursebook.security.AppUser;
import com.coursebook.security.AppUsers;
import com.coursebook.security.Staff;
import com.coursebook.security.internal.ApiTokens;
import com.coursebook.security.internal.SignInThrottle;
import com.coursebook.shared.Forms;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's sign-in page (/admin/**, admins only): who is locked or made to wait and why, unlocking them; failed
 * sign-ins of the last hour by address (counted outside the audit chain); every working
 * API token, revoking any, and making one for any user.
 */
@Controller
@RequestMapping("/admin/sign-in")
class SignInAdminController {

    private static final String PAGE = "/admin/sign-in";

    private final SignInThrottle throttle;

    private final ApiTokens tokens;

    private final AppUsers users;

    private final SignInFailures failures;

    SignInAdminController(SignInThrottle throttle, ApiTokens tokens, AppUsers users, SignInFailures failures) {
        this.throttle = throttle;
        this.tokens = tokens;
        this.users = users;
        this.failures = failures;
    }

    @ModelAttribute("users")
    List<AppUser> users() {
        return users.findAll(Sort.by("username"));
    }

    @GetMapping
    String page(Model model) {
        if (!model.containsAttribute("tokenForm")) {
            model.addAttribute("tokenForm", new TokenForm());
        }
        model.addAttribute("locks", throttle.locks());
        model.addAttribute("failedSignIns", failures.recent(Duration.ofHours(1)));
        model.addAttribute("tokens", tokens.active());
        return "security/sign-in-admin";
    }

    /** One of the two: an account, or an address (a blank field is not sent as a refusal: there is nothing to do). */
    @PostMapping("/unlock")
    String unlock(@RequestParam(defaultValue = "") String account, @RequestParam(defaultValue = "") String address,
            RedirectAttributes redirect) {
        if (!account.isBlank()) {
            throttle.unlockAccount(account);
        }
        else if (!address.isBlank()) {
            throttle.unlockAddress(address);
        }
        redirect.addFlashAttribute("message", "signIn.admin.unlocked");
        return "redirect:" + PAGE;
    }

    @PostMapping("/tokens")
    String create(@ModelAttribute("tokenForm") TokenForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (form.getOwner() == null || form.getOwner().isBlank()) {
            result.rejectValue("owner", "token.owner.required");
        }
        return Forms.submit(result, () -> tokens.create(form.getOwner(), form.getName(), form.getExpiresOn(),
                Staff.currentName()), field -> field).map(created -> {
                    redirect.addFlashAttribute("newToken", created.token());
                    redirect.addFlashAttribute("message", "tokens.created");
                    return "redirect:" + PAGE;
                }).orElseGet(() -> page(model));
    }

    @PostMapping("/tokens/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(id, null, Staff.currentName());
        redirect.addFlashAttribute("message", "tokens.revoked");
        return "redirect:" + PAGE;
    }
}
