package com.coursebook.platform.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Each role lands where its day starts: reception on the patient search, clinicians on their day, admins on the
 * review, which opens with their worklist (courses about to be abandoned).
 */
@Controller
class HomeController {

    @GetMapping("/")
    String home(Authentication authentication) {
        if (has(authentication, "ROLE_ADMIN")) {
            return "redirect:/review";
        }
        return has(authentication, "ROLE_CLINICIAN") ? "redirect:/today" : "redirect:/patients";
    }

    private static boolean has(Authentication authentication, String authority) {
        return authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(authority));
    }
}
