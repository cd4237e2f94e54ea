package com.coursebook.security;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's display name from their login, for the few messages a service builds with a person in them (screens
 * and JSON put names in at the edge instead). A login nobody has ("system") stays as it is.
 */
@Component
public class StaffNames {

    private final AppUsers users;

    StaffNames(AppUsers users) {
        this.users = users;
    }

    @Transactional(readOnly = true)
    public String of(String login) {
        return login == null ? null : users.findByUsername(login).map(AppUser::getDisplayName).orElse(login);
    }
}
