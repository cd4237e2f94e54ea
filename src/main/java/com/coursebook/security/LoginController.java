package com.coursebook.security;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

    /**
     * The login page; after a sign-in the throttle refused, it says how long to wait ({@code wait} or {@code locked},
     * in seconds, put there by the failure handler). A value that is no number is ignored: it is only words.
     */
    @GetMapping("/login")
    String login(@RequestParam(required = false) String wait, @RequestParam(required = false) String locked,
            Model model) {
        long seconds = seconds(locked != null ? locked : wait);
        if (seconds > 0) {
            model.addAttribute("throttledLocked", locked != null);
            model.addAttribute("throttledMinutes", seconds >= 60 ? (seconds + 59) / 60 : 0);
            model.addAttribute("throttledSeconds", seconds);
        }
        return "login";
    }

    private static long seconds(String value) {
        if (value == null || value.isEmpty() || value.length() > 6 || !value.chars().allMatch(Character::isDigit)) {
            return 0;
        }
        return Long.parseLong(value);
    }
}
