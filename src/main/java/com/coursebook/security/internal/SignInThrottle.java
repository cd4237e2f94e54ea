package com.coursebook.security.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing without letting an attacker lock a real user out (the policy is in docs/security.md).
 * <p>
 * Failures are counted per account, per source address and per (account, address) pair in {@code
 * sign_in_throttle}, with the database's clock, so every instance shares the counts and the time. Plain SQL rather
 * than bucket4j's PostgreSQL buckets: the state must be listed and cleared by an admin, and the account lock lets a
 * known address through, which token buckets do not express; one upsert per failure is all it costs.
 * <p>
 * A refused attempt is answered at once, without checking the password (no thread sleeps, no bcrypt is paid), and
 * counts as a failure itself, so hammering during a wait only lengthens it.
 */
@Component
public class SignInThrottle {

    /** Failures are counted within this window from the first one; a failure after it starts a new count. */
    static final Duration WINDOW = Duration.ofMinutes(15);

    /** An account is locked for {@link #LOCK} after this many failures within the window (any address). */
    static final int ACCOUNT_LOCK_AFTER = 10;

    static final Duration LOCK = Duration.ofMinutes(15);

    /** One address guessing one account waits 1, 2, 4... seconds after this many failures. */
    static final int PAIR_DELAY_AFTER = 3;

    /** One address across all accounts (spraying one password over many names) waits after this many. */
    static final int ADDRESS_DELAY_AFTER = 20;

    /** No wait is longer than this. */
    static final Duration MAX_DELAY = Duration.ofMinutes(15);

    /** An address an account signed in from this recently is known, and gets through the account's lock. */
    static final Duration KNOWN_FOR = Duration.ofDays(90);

    /** Names are keys here, not users; a bound keeps a hostile name from growing rows. */
    private static final int MAX_KEY = 100;

    private final JdbcClient jdbc;

    SignInThrottle(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The account key for a name as typed: trimmed and lower-cased like usernames, bounded; blank stays blank. */
    public static String account(String name) {
        String account = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return account.length() > MAX_KEY ? account.substring(0, MAX_KEY) : account;
    }

    /** The address key: the client's address as the servlet container sees it (behind a trusted proxy, the client). */
    public static String address(String remoteAddress) {
        String address = remoteAddress == null || remoteAddress.isBlank() ? "unknown" : remoteAddress.trim();
        return address.length() > MAX_KEY ? address.substring(0, MAX_KEY) : address;
    }

    /**
     * Refuses an attempt that must wait, counting it as a failure; otherwise lets the password be checked.
     *
     * @throws SignInThrottledException how long to wait, and whether the account is locked
     */
    public void check(String account, String address) {
        Verdict verdict = jdbc.sql("""
                SELECT t.account, t.address, t.failures, t.last_failure_at, t.locked_until,
                       t.window_started_at > now() - make_interval(secs => :window) AS in_window, now() AS now,
                       EXISTS (SELECT 1 FROM sign_in_known_address k WHERE k.account = :account AND k.address = :address
                               AND k.last_signed_in > now() - make_interval(secs => :known)) AS known
                FROM sign_in_throttle t
                WHERE (t.account = :account AND t.address IN ('', :address)) OR (t.account = '' AND t.address = :address)
                """).param("window", WINDOW.toSeconds()).param("known", KNOWN_FOR.toSeconds()).param("account", account)
                .param("address", address)
                .query((rows, n) -> new Row(rows.getString("account"), rows.getString("address"),
                        rows.getInt("failures"), rows.getTimestamp("last_failure_at").toInstant(),
                        rows.getTimestamp("locked_until") == null ? null : rows.getTimestamp("locked_until").toInstant(),
                        rows.getBoolean("in_window"), rows.getTimestamp("now").toInstant(), rows.getBoolean("known")))
                .list().stream().collect(Collectors.collectingAndThen(Collectors.toList(), Verdict::of));
        if (verdict.waitUntil() != null) {
            failed(account, address);
            throw new SignInThrottledException(
                    Duration.between(verdict.now(), verdict.waitUntil()), verdict.accountLocked());
        }
    }

    /** Counts a failed attempt for the account, the address and the pair; locks the account at its threshold. */
    public void failed(String account, String address) {
        String values = account.isEmpty() ? "('', :address, 1, now(), now())"
                : "(:account, '', 1, now(), now()), ('', :address, 1, now(), now()), (:account, :address, 1, now(), now())";
        jdbc.sql("""
                INSERT INTO sign_in_throttle AS t (account, address, failures, window_started_at, last_failure_at)
                VALUES %s
                ON CONFLICT (account, address) DO UPDATE SET
                    failures = CASE WHEN t.window_started_at <= now() - make_interval(secs => :window) THEN 1 ELSE t.failures + 1 END,
                    window_started_at = CASE WHEN t.window_started_at <= now() - make_interval(secs => :window) THEN now()
                                             ELSE t.window_started_at END,
                    last_failure_at = now(),
                    locked_until = CASE WHEN t.address = '' AND t.window_started_at > now() - make_interval(secs => :window)
                                             AND t.failures + 1 >= :lockAfter
                                             AND (t.locked_until IS NULL OR t.locked_until <= now())
                                        THEN now() + make_interval(secs => :lock) ELSE t.locked_until END
                """.formatted(values)).param("account", account).param("address", address).param("window", WINDOW.toSeconds())
                .param("lockAfter", ACCOUNT_LOCK_AFTER).param("lock", LOCK.toSeconds()).update();
    }

    /** A right password: the pair starts afresh and the address becomes known for the account. */
    public void succeeded(String account, String address) {
        jdbc.sql("DELETE FROM sign_in_throttle WHERE account = ? AND address = ?").params(account, address).update();
        jdbc.sql("""
                INSERT INTO sign_in_known_address (account, address, last_signed_in) VALUES (?, ?, now())
                ON CONFLICT (account, address) DO UPDATE SET last_signed_in = now()
                """).params(account, address).update();
    }

    /** Accounts and addresses that must wait now, for the admin: the longest wait first. */
    public List<Lock> locks() {
        return jdbc.sql("""
                SELECT account, address, failures, last_failure_at, locked_until, now() AS now FROM sign_in_throttle
                WHERE window_started_at > now() - make_interval(secs => :window) OR locked_until > now()
                ORDER BY locked_until DESC NULLS LAST, last_failure_at DESC
                """).param("window", WINDOW.toSeconds())
                .query((rows, n) -> {
                    Row row = new Row(rows.getString("account"), rows.getString("address"), rows.getInt("failures"),
                            rows.getTimestamp("last_failure_at").toInstant(), rows.getTimestamp("locked_until") == null
                                    ? null : rows.getTimestamp("locked_until").toInstant(), true,
                            rows.getTimestamp("now").toInstant(), false);
                    Instant until = row.waitUntil();
                    return until != null && until.isAfter(row.now())
                            ? new Lock(row.account(), row.address(), row.failures(), row.lastFailure(), until) : null;
                }).list().stream().filter(java.util.Objects::nonNull).toList();
    }

    /** Clears an account: its own count and every address's count against it. Whether anything was there. */
    public boolean unlockAccount(String account) {
        return jdbc.sql("DELETE FROM sign_in_throttle WHERE account = ?").param(account(account)).update() > 0;
    }

    /** Clears an address: its own count and its counts against every account. */
    public boolean unlockAddress(String address) {
        return jdbc.sql("DELETE FROM sign_in_throttle WHERE address = ?").param(address(address)).update() > 0;
    }

    /**
     * One who must wait: an account ({@code address} blank), an address ({@code account} blank), or a pair; until
     * when, and how many failures in the current window.
     */
    public record Lock(String account, String address, int failures, Instant lastFailure, Instant until) {

        public boolean accountLock() {
            return address.isEmpty();
        }
    }

    private record Row(String account, String address, int failures, Instant lastFailure, Instant lockedUntil,
            boolean inWindow, Instant now, boolean known) {

        boolean pair() {
            return !account.isEmpty() && !address.isEmpty();
        }

        /** When this row lets the next attempt in, or null if it does not hold it back. */
        Instant waitUntil() {
            if (address.isEmpty()) {
                return lockedUntil;
            }
            int after = pair() ? PAIR_DELAY_AFTER : ADDRESS_DELAY_AFTER;
            if (!inWindow || failures < after) {
                return null;
            }
            long seconds = Math.min(MAX_DELAY.toSeconds(), 1L << Math.min(30, failures - after));
            return lastFailure.plusSeconds(seconds);
        }
    }

    private record Verdict(Instant waitUntil, boolean accountLocked, Instant now) {

        static Verdict of(List<Row> rows) {
            Instant until = null;
            boolean accountLocked = false;
            Instant now = rows.isEmpty() ? null : rows.get(0).now();
            boolean pairFailed = rows.stream().anyMatch(row -> row.pair() && row.inWindow());
            boolean known = !rows.isEmpty() && rows.get(0).known();
            for (Row row : rows) {
                Instant rowUntil = row.waitUntil();
                if (rowUntil == null || !rowUntil.isAfter(now)) {
                    continue;
                }
                if (row.address().isEmpty()) {
                    // The account is locked, but not for its user at an address they signed in from that has
                    // not failed since: a guesser elsewhere cannot lock them out.
                    if (known && !pairFailed) {
                        continue;
                    }
                    accountLocked = true;
                }
                if (until == null || rowUntil.isAfter(until)) {
                    until = rowUntil;
                }
            }
            return new Verdict(until, accountLocked, now);
        }
    }
}
