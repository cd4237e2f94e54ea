package com.coursebook.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first admin of a fresh database without demo data. Never in the repository: set by the operator
 * ({@code COURSEBOOK_BOOTSTRAP_ADMIN_PASSWORD}) for the first start only.
 *
 * @param password the password of the user {@code admin}; blank means none is created. At least 12 characters when
 *                 it is used (checked when it is used, so a leftover value does not stop a database that has users)
 */
@ConfigurationProperties("coursebook.bootstrap-admin")
record BootstrapAdminSettings(String password) {

    BootstrapAdminSettings {
        password = password == null ? "" : password;
    }
}
