package com.coursebook.security;

import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A login as an admin creates or edits it, on the screen and in the API alike. The username is chosen once (notes,
 * courses and the audit trail keep it); the temporary password only when creating (later through its own act).
 */
public class StaffForm {

    @Pattern(regexp = "^$|^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$", message = "{staff.username.invalid}")
    private String username;

    @NotBlank(message = "{staff.displayName.required}")
    @Size(max = 100, message = "{field.tooLong}")
    private String displayName;

    private Set<Role> roles = EnumSet.noneOf(Role.class);

    private Long practitionerId;

    /** en, ru, or empty for the browser's own choice. */
    @Pattern(regexp = "^$|^(en|ru)$", message = "{staff.language.invalid}")
    private String language;

    private String temporaryPassword;

    /** The version the admin saw, when editing (null when creating). */
    private Long version;

    public static StaffForm of(StaffView user) {
        StaffForm form = new StaffForm();
        form.username = user.username();
        form.displayName = user.displayName();
        form.roles = user.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(user.roles());
        form.practitionerId = user.practitionerId();
        form.language = user.language();
        form.version = user.version();
        return form;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public Set<Role> getRoles() {
        return roles;
    }

    public void setRoles(Set<Role> roles) {
        this.roles = roles == null ? EnumSet.noneOf(Role.class) : roles;
    }

    public Long getPractitionerId() {
        return practitionerId;
    }

    public void setPractitionerId(Long practitionerId) {
        this.practitionerId = practitionerId;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String getTemporaryPassword() {
        return temporaryPassword;
    }

    public void setTemporaryPassword(String temporaryPassword) {
        this.temporaryPassword = temporaryPassword;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
