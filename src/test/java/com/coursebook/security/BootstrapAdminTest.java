package com.coursebook.security;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/** The first admin, from the operator's setting bound into {@link BootstrapAdminSettings}; the users stood in for. */
class BootstrapAdminTest {

    final AppUsers users = mock(AppUsers.class);

    final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(BootstrapAdmin.class)
            .withBean(AppUsers.class, () -> users)
            .withBean(PasswordEncoder.class, () -> encoder)
            .withBean(PlatformTransactionManager.class, () -> mock(PlatformTransactionManager.class));

    @Test
    @DisplayName("without the setting there is no bootstrap at all")
    void off() {
        context.run(started -> assertThat(started).doesNotHaveBean(BootstrapAdmin.class));
    }

    @Test
    @DisplayName("on an empty database the user admin is created with the configured password, hashed, to be changed at the first sign-in")
    void createsAdmin() {
        given(users.count()).willReturn(0L);
        // It runs as the context starts (a lifecycle step before the web server opens its port).
        context.withPropertyValues("coursebook.bootstrap-admin.password=correct-horse-battery").run(started -> {
            ArgumentCaptor<AppUser> admin = ArgumentCaptor.forClass(AppUser.class);
            verify(users).save(admin.capture());
            assertThat(admin.getValue().getUsername()).isEqualTo("admin");
            assertThat(encoder.matches("correct-horse-battery",
                    (String) ReflectionTestUtils.getField(admin.getValue(), "passwordHash"))).isTrue();
            assertThat(admin.getValue().isMustChangePassword()).as("the password from the environment is temporary")
                    .isTrue();
            assertThat(admin.getValue().getRoles()).containsExactly(Role.ADMIN);
        });
    }

    @Test
    @DisplayName("a short password stops the first start; once any user exists it is ignored")
    void shortPassword() {
        given(users.count()).willReturn(0L);
        context.withPropertyValues("coursebook.bootstrap-admin.password=short").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("at least 12 characters");
        });
        given(users.count()).willReturn(4L);
        context.withPropertyValues("coursebook.bootstrap-admin.password=short").run(started -> {
            assertThat(started).hasNotFailed();
            verify(users, never()).save(any());
        });
    }
}
