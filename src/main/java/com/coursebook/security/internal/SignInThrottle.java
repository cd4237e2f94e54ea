package com.coursebook.security.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import com.coursebook.shared.StorableText;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
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

    /**
     * The account key for a name as typed: trimmed and lower-cased like usernames, bounded, storable (a NUL is no
     * failure of the statement); blank stays blank.
     */
    public static String account(String name) {
        String account = name == null ? "" : StorableText.of(name.trim().toLowerCase(Locale.ROOT));
        return account.length() > MAX_KEY ? account.substring(0, MAX_KEY) : account;
    }

    /** The address key: the client's address as the servlet container sees it (behind a trusted proxy, the client). */
    public static String address(String remoteAddress) {
        String address = remoteAddress == null || remoteAddress.isBlank() ? "unknown" : remoteAddress.trim();
        return address.length() > MAX_KEY ? address.substring(0, MAX_KEY) : address;
    }

    /**
     * Refuses an attempt that must wait, counting it as a failure; otherwise lets the password be checked, and says
     * what a success will have to tidy (so a script signing in with HTTP Basic on every request costs one read).
     *
     * @throws SignInThrottledException how long to wait, and whether the account is locked
     */
    public Attempt check(String account, String address) {
        List<Row> rows = jdbc.sql("""
                SELECT t.account, t.address, t.failures, t.last_failure_at, t.locked_until,
                       t.window_started_at > now() - make_interval(secs => :window) AS in_window, now() AS now,
                       (SELECT k.last_signed_in FROM sign_in_known_address k
                        WHERE k.account = :account AND k.address = :address) AS known_at
                FROM (SELECT 1) AS one
                LEFT JOIN sign_in_throttle t
                       ON (t.account = :account AND t.address IN ('', :address)) OR (t.account = '' AND t.address = :address)
                """).param("window", WINDOW.toSeconds()).param("account", account).param("address", address)
                .query((r, n) -> new Row(r.getString("account"), r.getString("address"), r.getInt("failures"),
                        instant(r.getTimestamp("last_failure_at")), instant(r.getTimestamp("locked_until")),
                        r.getBoolean("in_window"), instant(r.getTimestamp("now")), instant(r.getTimestamp("known_at"))))
                .list();
        Row first = rows.get(0); // the left join always gives one row
        List<Row> held = first.account() == null ? List.of() : rows;
        Verdict verdict = Verdict.of(held, first.now(), first.knownAt() != null
                && first.knownAt().isAfter(first.now().minus(KNOWN_FOR)));
        if (verdict.waitUntil() != null) {
            failed(account, address);
            throw new SignInThrottledException(Duration.between(first.now(), verdict.waitUntil()),
                    verdict.accountLocked());
        }
        boolean pairCounted = held.stream().anyMatch(Row::pair);
        boolean knownToday = first.knownAt() != null && first.knownAt().isAfter(first.now().minus(Duration.ofDays(1)));
        return new Attempt(account, address, pairCounted, knownToday);
    }

    /** What {@link #check} found, for {@link #succeeded}. */
    public record Attempt(String account, String address, boolean pairCounted, boolean knownToday) {
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

    /**
     * A right password: the pair starts afresh and the address becomes known for the account (written only when
     * there is something to change: the date is refreshed once a day).
     */
    public void succeeded(Attempt attempt) {
        String account = attempt.account();
        String address = attempt.address();
        if (account.isEmpty()) {
            return;
        }
        if (attempt.pairCounted()) {
            jdbc.sql("DELETE FROM sign_in_throttle WHERE account = ? AND address = ?").params(account, address).update();
        }
        if (attempt.knownToday()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO sign_in_known_address (account, address, last_signed_in) VALUES (?, ?, now())
                ON CONFLICT (account, address) DO UPDATE SET last_signed_in = now()
                """).params(account, address).update();
    }

    /**
     * Forgets counts whose window and lock have passed, and addresses not signed in from for {@link #KNOWN_FOR}, so
     * the tables hold what still matters even when a guesser makes up a new name each time. Every instance may run
     * it; the deletes are the same whoever runs them.
     */
    @Scheduled(fixedDelay = 15, initialDelay = 15, timeUnit = TimeUnit.MINUTES)
    public int purgeExpired() {
        int counts = jdbc.sql("""
                DELETE FROM sign_in_throttle WHERE window_started_at <= now() - make_interval(secs => :window)
                  AND (locked_until IS NULL OR locked_until <= now())
                  AND last_failure_at <= now() - make_interval(secs => :maxDelay)
                """).param("window", WINDOW.toSeconds()).param("maxDelay", MAX_DELAY.toSeconds()).update();
        int known = jdbc.sql("DELETE FROM sign_in_known_address WHERE last_signed_in <= now() - make_interval(secs => ?)")
                .param(KNOWN_FOR.toSeconds()).update();
        return counts + known;
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
                            rows.getTimestamp("now").toInstant(), null);
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

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
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
            boolean inWindow, Instant now, Instant knownAt) {

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

    private record Verdict(Instant waitUntil, boolean accountLocked) {

        static Verdict of(List<Row> rows, Instant now, boolean known) {
            Instant until = null;
            boolean accountLocked = false;
            boolean pairFailed = rows.stream().anyMatch(row -> row.pair() && row.inWindow());
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
            return new Verdict(until, accountLocked);
        }
    }
}
