package com.coursebook.security;

import org.springframework.security.core.Authentication;
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

    /** A signed-in user with their display name, roles and whether they must still choose a password. */
    static final class StaffMember extends User {

        private static final long serialVersionUID = 1L;

        private final StaffStanding standing;

        private StaffMember(String username, String password, boolean enabled, StaffStanding standing) {
            super(username, password, enabled, true, true, true, standing.authorities());
            this.standing = standing;
        }

        static StaffMember of(String username, String password, boolean enabled, StaffStanding standing) {
            return new StaffMember(username, password, enabled, standing);
        }

        /** The same person as the database now describes them (the password is not kept in a session). */
        StaffMember with(StaffStanding now) {
            return new StaffMember(getUsername(), "", true, now);
        }

        String displayName() {
            return standing.displayName();
        }

        StaffStanding standing() {
            return standing;
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
