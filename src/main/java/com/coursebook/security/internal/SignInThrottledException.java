package com.coursebook.security.internal;

import java.time.Duration;

import org.springframework.security.authentication.LockedException;

/**
 * A sign-in refused before its password was checked: too many failures. A {@link LockedException}, so Spring
 * Security publishes it as a locked-account failure and the form and HTTP Basic refuse it as they refuse a locked
 * account; the wait travels with it, for Retry-After and the login page.
 */
public class SignInThrottledException extends LockedException {

    private static final long serialVersionUID = 1L;

    private final long seconds;

    private final boolean accountLocked;

    SignInThrottledException(Duration wait, boolean accountLocked) {
        super(accountLocked ? "Account locked after too many failed sign-ins" : "Too many failed sign-ins");
        this.seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
        this.accountLocked = accountLocked;
    }

    /** Seconds until the next attempt may be checked, at least 1. */
    public long seconds() {
        return seconds;
    }

    /** Whole minutes, rounded up, for people. */
    public long minutes() {
        return (seconds + 59) / 60;
    }

    /** Whether the account itself is locked (rather than this address made to wait). */
    public boolean accountLocked() {
        return accountLocked;
    }
}
