package com.coursebook.security;

import java.util.Collection;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every screen says who is signed in by the name staff know them by ("Dr Pyotr Urvantsev"), not by their login.
 * The name travels with the signed-in user, so no page pays a query for it.
 */
@ControllerAdvice(annotations = Controller.class)
class SignedInName {

    @ModelAttribute("signedInName")
    String signedInName(Authentication authentication) {
        if (authentication == null) {
            return null;
        }
        return authentication.getPrincipal() instanceof StaffMember member ? member.displayName()
                : authentication.getName();
    }

    /** A signed-in user with their display name. */
    static final class StaffMember extends User {

        private static final long serialVersionUID = 1L;

        private final String displayName;

        StaffMember(String username, String password, boolean enabled,
                Collection<? extends GrantedAuthority> authorities, String displayName) {
            super(username, password, enabled, true, true, true, authorities);
            this.displayName = displayName;
        }

        String displayName() {
            return displayName;
        }

        @Override
        public boolean equals(Object other) {
            return super.equals(other); // the same login is the same user, as for User
        }

        @Override
        public int hashCode() {
            return super.hashCode();
        }
    }
}
