package com.coursebook.security;

import java.util.Locale;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AppUserDetailsService implements UserDetailsService {

    private final AppUsers users;

    AppUserDetailsService(AppUsers users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        if (username.indexOf('\0') >= 0) {
            // No login holds a NUL (the database cannot even compare one): an unknown name, asked of no one.
            throw new UsernameNotFoundException("No such user");
        }
        AppUser user = users.findByUsername(username.trim().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return SignedInName.StaffMember.of(user.getUsername(), user.getPasswordHash(), user.isEnabled(),
                user.standing());
    }
}
