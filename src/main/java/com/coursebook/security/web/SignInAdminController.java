package com.coursebook.security.web;

import java.time.Duration;

import com.coursebook.audit.SignInFailures;
import com.coursebook.security.Staff;
import com.coursebook.security.internal.ApiTokens;
import com.coursebook.security.internal.SignInThrottle;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's sign-in page (/admin/**, admins only): who is locked or made to wait and why, unlocking them; failed
 * sign-ins of the last hour by address (counted outside the audit chain); every working API token, revoking any.
 * Never making one: a token is a credential, made only by its owner (an admin's token for someone else would let
 * the admin act, and be audited, as that person).
 */
@Controller
@RequestMapping("/admin/sign-in")
class SignInAdminController {

    private static final String PAGE = "/admin/sign-in";

    private final SignInThrottle throttle;

    private final ApiTokens tokens;

    private final SignInFailures failures;

    SignInAdminController(SignInThrottle throttle, ApiTokens tokens, SignInFailures failures) {
        this.throttle = throttle;
        this.tokens = tokens;
        this.failures = failures;
    }

    @GetMapping
    String page(Model model) {
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

    @PostMapping("/tokens/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(id, null, Staff.currentName());
        redirect.addFlashAttribute("message", "tokens.revoked");
        return "redirect:" + PAGE;
    }
}
