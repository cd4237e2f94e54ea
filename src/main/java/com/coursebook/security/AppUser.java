package com.coursebook.security;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import com.coursebook.shared.ConflictException;
import com.coursebook.shared.InvalidRequestException;
import com.coursebook.shared.VersionedEntity;

/**
 * A member of staff who signs in. Clinicians are linked to the practitioner whose sessions they run. A login is never
 * deleted (notes, courses and the audit trail name it); it is disabled instead. Every change an admin makes is a
 * named act that refuses an illegal result and registers a {@link StaffAct} for the audit trail.
 */
@Entity
@Table(name = "app_user")
public class AppUser extends VersionedEntity {

    @Column(nullable = false, unique = true)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Column(name = "practitioner_id")
    private Long practitionerId;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    /** en or ru; null: the browser's own choice. */
    private String language;

    /** Raised by each change of the person's own password: sessions signed in under an older value are over. */
    @Column(name = "session_epoch", nullable = false)
    private int sessionEpoch;

    protected AppUser() {
    }

    /** A login with one role, as the demo data and the bootstrap admin make them. */
    public AppUser(String username, String passwordHash, String displayName, Role role, Long practitionerId) {
        this(username, passwordHash, displayName, Set.of(role), practitionerId, null);
    }

    AppUser(String username, String passwordHash, String displayName, Set<Role> roles, Long practitionerId,
            String language) {
        this.username = username.strip().toLowerCase(Locale.ROOT);
        this.passwordHash = passwordHash;
        this.displayName = displayName.strip();
        this.roles = EnumSet.copyOf(requireRoles(roles));
        this.practitionerId = practitionerId;
        this.language = blankToNull(language);
        requireConsistent();
    }

    /** Created by an admin with a temporary password: the person chooses their own at the first sign-in. */
    static AppUser created(String username, String passwordHash, String displayName, Set<Role> roles,
            Long practitionerId, String language) {
        AppUser user = new AppUser(username, passwordHash, displayName, roles, practitionerId, language);
        user.mustChangePassword = true;
        user.register(new StaffAct.Created(user, describe(Map.of(), user.state())));
        return user;
    }

    /** Name, roles, practitioner and language as the admin set them; the line names what changed. */
    void revise(String displayName, Set<Role> roles, Long practitionerId, String language) {
        Map<String, Object> before = state();
        this.displayName = displayName.strip();
        this.roles = EnumSet.copyOf(requireRoles(roles));
        this.practitionerId = roles.contains(Role.CLINICIAN) ? practitionerId : null;
        this.language = blankToNull(language);
        requireConsistent();
        String changes = describe(before, state());
        if (!changes.isEmpty()) {
            register(new StaffAct.Revised(getId(), changes));
        }
    }

    /** Signed out everywhere at the next request, and no new sign-in; everything the person did stays theirs. */
    void disable() {
        if (!enabled) {
            throw new ConflictException("staff.alreadyDisabled", displayName);
        }
        enabled = false;
        register(new StaffAct.Disabled(getId()));
    }

    void enable() {
        if (enabled) {
            throw new ConflictException("staff.alreadyEnabled", displayName);
        }
        enabled = true;
        register(new StaffAct.Enabled(getId()));
    }

    /** An admin's temporary password: it works once, to choose a new one. The password itself is never logged. */
    void setTemporaryPassword(String hash) {
        passwordHash = hash;
        mustChangePassword = true;
        register(new StaffAct.TemporaryPasswordSet(getId()));
    }

    /**
     * The person's own choice (the service checked the current one and the policy). Their other sessions end at their
     * next request ({@code StaffSessionCheck}); the one that made the change is carried over by the service.
     */
    void changePassword(String hash) {
        passwordHash = hash;
        mustChangePassword = false;
        sessionEpoch++;
        register(new StaffAct.PasswordChanged(getId()));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Set<Role> requireRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new InvalidRequestException("roles", "staff.roles.required");
        }
        if (roles.contains(Role.RECEPTIONIST) && roles.size() > 1) {
            // Reception never reads clinical content; a clinician or admin who also does reception uses their own role.
            throw new InvalidRequestException("roles", "staff.roles.receptionistAlone");
        }
        return roles;
    }

    private void requireConsistent() {
        if (roles.contains(Role.CLINICIAN) && practitionerId == null) {
            throw new InvalidRequestException("practitionerId", "staff.practitioner.required");
        }
        if (!roles.contains(Role.CLINICIAN)) {
            practitionerId = null;
        }
    }

    /** What an admin may change, for the audit line's old and new values (never the password). */
    private Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("username", username);
        state.put("displayName", displayName);
        state.put("roles", EnumSet.copyOf(roles)); // in the roles' own order: [CLINICIAN, ADMIN]
        state.put("practitionerId", practitionerId);
        state.put("language", language);
        return state;
    }

    private static String describe(Map<String, Object> before, Map<String, Object> after) {
        StringBuilder line = new StringBuilder();
        after.forEach((field, value) -> {
            Object old = before.get(field);
            if (!java.util.Objects.equals(old, value)) {
                if (!line.isEmpty()) {
                    line.append("; ");
                }
                line.append(field).append(": ");
                if (before.containsKey(field)) {
                    line.append(show(old)).append(" → ");
                }
                line.append(show(value));
            }
        });
        return line.toString();
    }

    private static String show(Object value) {
        return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
    }

    /** What a session signed in as this login knows of it. */
    StaffStanding standing() {
        return new StaffStanding(displayName, getRoles(), mustChangePassword, language, sessionEpoch);
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

    public Set<Role> getRoles() {
        return Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public Long getPractitionerId() {
        return practitionerId;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public String getLanguage() {
        return language;
    }
}
