package com.coursebook.security;

import com.coursebook.shared.StartupStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A fresh production database has no users and no demo data. When the operator sets
 * {@code COURSEBOOK_BOOTSTRAP_ADMIN_PASSWORD}, the first start creates the user {@code admin} with it, so
 * someone can sign in; it does nothing once any user exists. The password never lives in the repository.
 */
@Component
@ConditionalOnProperty(name = "coursebook.bootstrap-admin.password")
@EnableConfigurationProperties(BootstrapAdminSettings.class)
class BootstrapAdmin extends StartupStep {

    /** After the demo data (which would make this unnecessary), before the web server opens its port. */
    static final int PHASE = WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1;

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final AppUsers users;

    private final PasswordEncoder encoder;

    private final String password;



    BootstrapAdmin(AppUsers users, PasswordEncoder encoder, BootstrapAdminSettings settings,
            PlatformTransactionManager transactions) {
        super(transactions, PHASE);
        this.users = users;
        this.encoder = encoder;
        this.password = settings.password();
    }

    @Override
    protected void run() {
        createFirstAdmin();
    }

    private void createFirstAdmin() {
        if (password.isBlank() || users.count() > 0) {
            return;
        }
        if (password.length() < 12) {
            throw new IllegalStateException("COURSEBOOK_BOOTSTRAP_ADMIN_PASSWORD must have at least 12 characters");
        }
        // A temporary password: it sat in the environment, so the first sign-in replaces it with the admin's own.
        users.save(AppUser.created("admin", encoder.encode(password), "Administrator", java.util.Set.of(Role.ADMIN),
                null, null));
        log.warn("Created the first user 'admin' from COURSEBOOK_BOOTSTRAP_ADMIN_PASSWORD, to be changed at the first "
                + "sign-in; remove the variable after the first start");
    }
}
