package com.coursebook.platform;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Each role lands where its day starts: reception and clinicians on the patient search, admins on the catalog. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(Authentication authentication) {
        boolean admin = authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
        return admin ? "redirect:/catalog" : "redirect:/patients";
    }
}
