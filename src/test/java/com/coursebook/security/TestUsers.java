package com.coursebook.security;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Users and source addresses of their own for the sign-in tests, so their failures never throttle the demo users
 * (or the loopback address) that the other tests in the shared context sign in with.
 */
final class TestUsers {

    private static final AtomicInteger next = new AtomicInteger();

    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36);

    private TestUsers() {
    }

    /** A new receptionist with this password; returns the username. */
    static String receptionist(JdbcClient jdbc, PasswordEncoder encoder, String password) {
        String username = "signin-" + RUN + "-" + next.incrementAndGet();
        jdbc.sql("WITH u AS (INSERT INTO app_user (username, password_hash, display_name) VALUES (?, ?, ?) RETURNING id) "
                        + "INSERT INTO app_user_role (user_id, role) SELECT id, 'RECEPTIONIST' FROM u")
                .params(username, encoder.encode(password), "Test " + username).update();
        return username;
    }

    /** A new admin with this password; returns the username. */
    static String admin(JdbcClient jdbc, PasswordEncoder encoder, String password) {
        String username = "signin-admin-" + RUN + "-" + next.incrementAndGet();
        jdbc.sql("WITH u AS (INSERT INTO app_user (username, password_hash, display_name) VALUES (?, ?, ?) RETURNING id) "
                        + "INSERT INTO app_user_role (user_id, role) SELECT id, 'ADMIN' FROM u")
                .params(username, encoder.encode(password), "Test " + username).update();
        return username;
    }

    /** An address no other test uses (documentation range 198.51.100.0/24 and onwards, by counter). */
    static String address() {
        int n = next.incrementAndGet();
        return "198.51." + (100 + n / 250) + "." + (1 + n % 250);
    }

    /** The request comes from {@code address}, as Tomcat reports the client. */
    static RequestPostProcessor from(String address) {
        return request -> {
            ((MockHttpServletRequest) request).setRemoteAddr(address);
            return request;
        };
    }
}
