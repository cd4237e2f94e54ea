package com.coursebook.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting right now, for attributing acts and deciding what clinical detail they may see. */
public final class Staff {

    private Staff() {
    }

    public static String currentName() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }

    public static boolean currentHas(Role role) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals(role.authority()));
    }

    public static boolean currentIsClinician() {
        return currentHas(Role.CLINICIAN);
    }

    /** Whether the signed-in person still has to replace a temporary password. */
    public static boolean currentMustChangePassword() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInName.StaffMember member
                && member.standing().mustChangePassword();
    }
}
