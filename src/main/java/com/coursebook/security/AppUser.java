package com.coursebook.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import com.coursebook.shared.VersionedEntity;

/** A member of staff who signs in. Clinicians are linked to the practitioner whose sessions they run. */
@Entity
@Table(name = "app_user")
public class AppUser extends VersionedEntity {

    @Column(nullable = false, unique = true)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(name = "practitioner_id")
    private Long practitionerId;

    @Column(nullable = false)
    private boolean enabled = true;

    protected AppUser() {
    }

    public AppUser(String username, String passwordHash, String displayName, Role role, Long practitionerId) {
        if (role == Role.CLINICIAN && practitionerId == null) {
            throw new IllegalArgumentException("A clinician must be linked to a practitioner");
        }
        this.username = username.toLowerCase(java.util.Locale.ROOT);
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.role = role;
        this.practitionerId = practitionerId;
    }

    public String getUsername() {
        return username;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Role getRole() {
        return role;
    }

    public Long getPractitionerId() {
        return practitionerId;
    }

    public boolean isEnabled() {
        return enabled;
    }
}
