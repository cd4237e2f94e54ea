package com.coursebook.security;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What a signed-in session knows of its person besides the login: the name shown, the roles, whether the password is
 * a temporary one still to be changed, the preferred language, and the login's session epoch when it signed in (a
 * password change raises it, ending the sessions signed in before). Read at sign-in and compared with the database on
 * every request ({@link StaffSessionCheck}), so an admin's change applies at the person's next request.
 */
record StaffStanding(String displayName, Set<Role> roles, boolean mustChangePassword, String language,
        int sessionEpoch) implements Serializable {

    StaffStanding {
        roles = Set.copyOf(roles);
    }

    List<GrantedAuthority> authorities() {
        return roles.stream().sorted().<GrantedAuthority>map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
    }
}
