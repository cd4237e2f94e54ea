package com.coursebook.security;

import java.util.Set;

/**
 * A login as the admin's screens and the API show it. There is no password or hash here, by construction: this is
 * the only shape in which a login leaves the security module.
 */
public record StaffView(Long id, String username, String displayName, Set<Role> roles, Long practitionerId,
        String practitionerName, String language, boolean enabled, boolean mustChangePassword, long version) {

    static StaffView of(AppUser user, String practitionerName) {
        return new StaffView(user.getId(), user.getUsername(), user.getDisplayName(), user.getRoles(),
                user.getPractitionerId(), practitionerName, user.getLanguage(), user.isEnabled(),
                user.isMustChangePassword(), user.getVersion());
    }
}
