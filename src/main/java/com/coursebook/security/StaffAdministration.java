package com.coursebook.security;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import com.coursebook.scheduling.Practitioner;
import com.coursebook.scheduling.Practitioners;
import com.coursebook.shared.ConflictException;
import com.coursebook.shared.InvalidRequestException;
import com.coursebook.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins manage the logins: create one with a temporary password, change its name, roles, practitioner and language,
 * disable and enable it, set a new temporary password. Never deleted: what a person did keeps their name. Each change
 * is refused whole if the result would be illegal (a taken username, a clinician without a practitioner, no active
 * admin left) and is written to the audit trail by the login's own acts ({@link StaffAct}). Every person changes their
 * own password here too.
 */
@Service
@Transactional
public class StaffAdministration {

    /** Serialises the changes that could leave the clinic without an active admin (two admins demoting each other). */
    private static final long ADMINS_LOCK = 0x5741_4646_4144_4dL;

    private final AppUsers users;

    private final Practitioners practitioners;

    private final PasswordEncoder encoder;

    private final PasswordPolicy policy;

    private final JdbcClient jdbc;

    StaffAdministration(AppUsers users, Practitioners practitioners, PasswordEncoder encoder, PasswordPolicy policy,
            JdbcClient jdbc) {
        this.users = users;
        this.practitioners = practitioners;
        this.encoder = encoder;
        this.policy = policy;
        this.jdbc = jdbc;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<StaffView> list() {
        Map<Long, String> names = practitionerNames();
        return users.findAllWithRoles().stream().map(u -> StaffView.of(u, names.get(u.getPractitionerId()))).toList();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public StaffView get(Long id) {
        return view(find(id));
    }

    /** Practitioners a clinician's login may be linked to, by name. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<PractitionerChoice> practitioners() {
        return practitioners.findAllWithLocation().stream()
                .map(p -> new PractitionerChoice(p.getId(), p.getFullName(), p.isActive())).toList();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public StaffView create(StaffForm form) {
        String username = form.getUsername() == null ? "" : form.getUsername().strip().toLowerCase(Locale.ROOT);
        if (username.isEmpty()) {
            throw new InvalidRequestException("username", "staff.username.required");
        }
        if (users.existsByUsername(username)) {
            throw new InvalidRequestException("username", "staff.username.taken", username);
        }
        requirePractitioner(form, null);
        policy.check("temporaryPassword", username, form.getDisplayName(), form.getTemporaryPassword());
        AppUser user = AppUser.created(username, encoder.encode(form.getTemporaryPassword()), form.getDisplayName(),
                roles(form), form.getPractitionerId(), form.getLanguage());
        return view(users.saveAndFlush(user));
    }

    @PreAuthorize("hasRole('ADMIN')")
    public StaffView update(Long id, StaffForm form) {
        lockAdmins();
        AppUser user = find(id);
        if (form.getVersion() == null || form.getVersion() != user.getVersion()) {
            throw new ConflictException("error.changedMeanwhile");
        }
        if (form.getUsername() != null && !form.getUsername().isBlank()
                && !form.getUsername().strip().equalsIgnoreCase(user.getUsername())) {
            throw new InvalidRequestException("username", "staff.username.fixed");
        }
        requirePractitioner(form, user.getId());
        boolean wasAdmin = user.isEnabled() && user.has(Role.ADMIN);
        user.revise(form.getDisplayName(), roles(form), form.getPractitionerId(), form.getLanguage());
        if (wasAdmin && !user.has(Role.ADMIN) && otherActiveAdmins(user) == 0) {
            throw new InvalidRequestException("roles", "staff.lastAdmin.demote");
        }
        return view(save(user));
    }

    /** Refused for the last active admin, and for one's own login (an admin would lock themselves out). */
    @PreAuthorize("hasRole('ADMIN')")
    public StaffView disable(Long id) {
        lockAdmins();
        AppUser user = find(id);
        if (user.getUsername().equals(Staff.currentName())) {
            throw new ConflictException("staff.disable.self");
        }
        if (user.isEnabled() && user.has(Role.ADMIN) && otherActiveAdmins(user) == 0) {
            throw new ConflictException("staff.lastAdmin.disable");
        }
        user.disable();
        return view(save(user));
    }

    @PreAuthorize("hasRole('ADMIN')")
    public StaffView enable(Long id) {
        AppUser user = find(id);
        user.enable();
        return view(save(user));
    }

    /** The person must change it at their next request; open sessions are sent to the change-password page. */
    @PreAuthorize("hasRole('ADMIN')")
    public StaffView setTemporaryPassword(Long id, String password) {
        AppUser user = find(id);
        policy.check("newPassword", user.getUsername(), user.getDisplayName(), password);
        user.setTemporaryPassword(encoder.encode(password));
        return view(save(user));
    }

    /**
     * The signed-in person's own new password: the current one must be right, the new one fit the policy. Their other
     * sessions end at their next request; this one stays signed in.
     */
    @PreAuthorize("isAuthenticated()")
    public void changeOwnPassword(PasswordForm form) {
        AppUser user = users.findByUsername(Staff.currentName())
                .orElseThrow(() -> new NotFoundException("staff.notFound", Staff.currentName()));
        if (form.getCurrentPassword() == null || !encoder.matches(form.getCurrentPassword(), user.getPasswordHash())) {
            throw new InvalidRequestException("currentPassword", "password.currentWrong");
        }
        if (form.getConfirmPassword() != null && !Objects.equals(form.getConfirmPassword(), form.getNewPassword())) {
            throw new InvalidRequestException("confirmPassword", "password.mismatch");
        }
        policy.check("newPassword", user.getUsername(), user.getDisplayName(), form.getNewPassword());
        if (encoder.matches(form.getNewPassword(), user.getPasswordHash())) {
            throw new InvalidRequestException("newPassword", "password.sameAsCurrent");
        }
        user.changePassword(encoder.encode(form.getNewPassword()));
        StaffSessionCheck.keepCurrentSession(save(user).standing());
    }

    private AppUser save(AppUser user) {
        try {
            return users.saveAndFlush(user);
        }
        catch (ObjectOptimisticLockingFailureException ex) {
            throw new ConflictException("error.changedMeanwhile");
        }
    }

    private AppUser find(Long id) {
        return users.findById(id).orElseThrow(() -> new NotFoundException("staff.notFound", id));
    }

    private StaffView view(AppUser user) {
        String name = user.getPractitionerId() == null ? null
                : practitioners.findById(user.getPractitionerId()).map(Practitioner::getFullName).orElse(null);
        return StaffView.of(user, name);
    }

    private Map<Long, String> practitionerNames() {
        return practitioners.findAll().stream()
                .collect(Collectors.toMap(Practitioner::getId, Practitioner::getFullName, (a, b) -> a));
    }

    private static Set<Role> roles(StaffForm form) {
        if (form.getRoles() == null || form.getRoles().isEmpty()) {
            throw new InvalidRequestException("roles", "staff.roles.required");
        }
        return form.getRoles();
    }

    /** A clinician is linked to a practitioner who exists and has no other login. */
    private void requirePractitioner(StaffForm form, Long self) {
        if (form.getRoles() == null || !form.getRoles().contains(Role.CLINICIAN)) {
            return;
        }
        Long id = form.getPractitionerId();
        if (id == null) {
            throw new InvalidRequestException("practitionerId", "staff.practitioner.required");
        }
        if (!practitioners.existsById(id)) {
            throw new InvalidRequestException("practitionerId", "staff.practitioner.unknown", id);
        }
        Long holder = jdbc.sql("SELECT id FROM app_user WHERE practitioner_id = ?").param(id).query(Long.class)
                .optional().orElse(null);
        if (holder != null && !holder.equals(self)) {
            String name = users.findById(holder).map(AppUser::getDisplayName).orElse("?");
            throw new InvalidRequestException("practitionerId", "staff.practitioner.taken", name);
        }
    }

    /** Held to the end of the transaction; the count after it sees every change committed before. */
    private void lockAdmins() {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(ADMINS_LOCK).query().singleRow();
    }

    private long otherActiveAdmins(AppUser user) {
        return jdbc.sql("""
                SELECT count(*) FROM app_user u JOIN app_user_role r ON r.user_id = u.id
                WHERE r.role = 'ADMIN' AND u.enabled AND u.id <> ?""").param(user.getId()).query(Long.class).single();
    }

    /** A practitioner as the login form offers them. */
    public record PractitionerChoice(Long id, String name, boolean active) {
    }
}
