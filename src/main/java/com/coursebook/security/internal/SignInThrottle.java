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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows password guessing without letting an attacker lock a real user out (the policy is in docs/security.md).
 * <p>
 * Failures are counted per account, per source address and per (account, address) pair in {@code
 * sign_in_throttle}, with the database's clock, so every instance shares the counts and the time. Plain SQL rather
 * than bucket4j's PostgreSQL buckets: the state must be listed and cleared by an admin, and the account lock lets a
 * known address through, which token buckets do not express.
 * <p>
 * An attempt is <em>reserved</em> before its password is checked: under transaction-level advisory locks on its
 * account and its address, the counts are read and, if nothing holds the attempt back, raised at once, as if it had
 * failed (and as pending, until its password has been checked). So concurrent attempts queue for the decision, each
 * sees the ones before it, and a burst cannot get more password checks than the limits allow. Waits are timed from
 * completed failures; an attempt held back only by reservations still being checked waits for their outcome (at most
 * {@link #IN_FLIGHT_WAIT}) rather than being refused, so parallel requests with the right password all get in. A
 * right password then takes its reservation back. An attempt that must wait
 * is refused at once, without checking the password (no thread sleeps, no bcrypt is paid) and without counting:
 * a refusal is no failure, so a colleague's retries during a wait do not lock the account.
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

    /** How long an attempt waits for attempts still being checked (bcrypt) before it is refused after all. */
    static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(5);

    private static final Duration IN_FLIGHT_POLL = Duration.ofMillis(20);

    /**
     * A reservation whose check has not answered for this long was abandoned (the request died with the database):
     * it counts neither as in flight nor as a failure. A password check takes well under a second.
     */
    static final Duration ABANDONED_AFTER = Duration.ofSeconds(10);

    /** In a query of {@code sign_in_throttle t}: how many of a row's reservations were abandoned. */
    private static final String ABANDONED = "CASE WHEN t.reserved_at <= now() - make_interval(secs => "
            + ABANDONED_AFTER.toSeconds() + ") THEN t.pending ELSE 0 END";

    /** Names are keys here, not users; a bound keeps a hostile name from growing rows. */
    private static final int MAX_KEY = 100;

    /** The first keys of the advisory locks a reservation takes (the second is the hash of the name or address). */
    private static final int ACCOUNT_LOCKS = 17_001;

    private static final int ADDRESS_LOCKS = 17_002;

    private final JdbcClient jdbc;

    private final TransactionTemplate transactions;

    SignInThrottle(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
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
     * Reserves an attempt: refuses it if it must wait (counting nothing), or else counts it as a failure until
     * {@link #succeeded} takes it back. One transaction, under advisory locks taken in a fixed order (account, then
     * address), so concurrent reservations for the same account or address are decided one after another.
     *
     * @throws SignInThrottledException how long to wait, and whether the account is locked
     */
    public Attempt reserve(String account, String address) {
        long deadline = System.nanoTime() + IN_FLIGHT_WAIT.toNanos();
        while (true) {
            Attempt attempt = transactions.execute(status -> tryReserve(account, address));
            if (attempt != null) {
                return attempt;
            }
            // Only attempts still being checked hold this one back: their outcome decides whether it may go ahead.
            if (System.nanoTime() > deadline) {
                throw new SignInThrottledException(Duration.ofSeconds(1), false);
            }
            try {
                Thread.sleep(IN_FLIGHT_POLL.toMillis());
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new SignInThrottledException(Duration.ofSeconds(1), false);
            }
        }
    }

    /** One decision under the locks: the reserved attempt, or null if only attempts still being checked hold it back. */
    private Attempt tryReserve(String account, String address) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:accountLocks, hashtext(:account)), "
                        + "pg_advisory_xact_lock(:addressLocks, hashtext(:address))")
                .param("accountLocks", ACCOUNT_LOCKS).param("account", account)
                .param("addressLocks", ADDRESS_LOCKS).param("address", address).query((r, n) -> 1).list();
        List<Row> rows = jdbc.sql("""
                SELECT t.account, t.address, t.failures - %1$s AS failures, t.pending - %1$s AS pending,
                       t.last_failure_at, t.locked_until,
                       t.window_started_at > now() - make_interval(secs => :window) AS in_window, now() AS now,
                       (SELECT k.last_signed_in FROM sign_in_known_address k
                        WHERE k.account = :account AND k.address = :address) AS known_at
                FROM (SELECT 1) AS one
                LEFT JOIN sign_in_throttle t
                       ON (t.account = :account AND t.address IN ('', :address))
                          OR (t.account = '' AND t.address = :address)
                """.formatted(ABANDONED)).param("window", WINDOW.toSeconds()).param("account", account)
                .param("address", address)
                .query((r, n) -> new Row(r.getString("account"), r.getString("address"), r.getInt("failures"),
                        r.getInt("pending"), instant(r.getTimestamp("last_failure_at")),
                        instant(r.getTimestamp("locked_until")), r.getBoolean("in_window"),
                        instant(r.getTimestamp("now")), instant(r.getTimestamp("known_at"))))
                .list();
        Row first = rows.get(0); // the left join always gives one row
        List<Row> held = first.account() == null ? List.of() : rows;
        boolean known = !account.isEmpty() && first.knownAt() != null
                && first.knownAt().isAfter(first.now().minus(KNOWN_FOR));
        Verdict verdict = Verdict.of(held, first.now(), known);
        if (verdict.waitUntil() != null) {
            throw new SignInThrottledException(Duration.between(first.now(), verdict.waitUntil()),
                    verdict.accountLocked());
        }
        if (verdict.inFlight()) {
            return null;
        }
        count(account, address);
        boolean knownToday = first.knownAt() != null
                && first.knownAt().isAfter(first.now().minus(Duration.ofDays(1)));
        return new Attempt(account, address, knownToday);
    }

    /** A reserved attempt, for {@link #failed} or {@link #succeeded}. */
    public record Attempt(String account, String address, boolean knownToday) {
    }

    /** Raises the counts of the account, the address and the pair (a window that has passed starts again). */
    private void count(String account, String address) {
        String values = account.isEmpty() ? "('', :address, 1, 1, now(), now(), now())"
                : "(:account, '', 1, 1, now(), now(), now()), ('', :address, 1, 1, now(), now(), now()), "
                        + "(:account, :address, 1, 1, now(), now(), now())";
        // The time of the last failure is written when a failure completes (failed), not here: waits run from
        // checked passwords, not from reservations.
        jdbc.sql("""
                INSERT INTO sign_in_throttle AS t (account, address, failures, pending, window_started_at, last_failure_at,
                                                   reserved_at)
                VALUES %s
                ON CONFLICT (account, address) DO UPDATE SET reserved_at = now(),
                    failures = CASE WHEN t.window_started_at <= now() - make_interval(secs => :window) THEN 1 ELSE t.failures + 1 END,
                    pending = CASE WHEN t.window_started_at <= now() - make_interval(secs => :window) THEN 1 ELSE t.pending + 1 END,
                    window_started_at = CASE WHEN t.window_started_at <= now() - make_interval(secs => :window) THEN now()
                                             ELSE t.window_started_at END
                """.formatted(values)).param("account", account).param("address", address)
                .param("window", WINDOW.toSeconds()).update();
    }

    /**
     * The password was wrong: the reservation stands as a failure, its waits start now (after bcrypt, not at the
     * reservation), and the account's lock is set (for {@link #LOCK}) once its failures reach
     * {@link #ACCOUNT_LOCK_AFTER}.
     */
    public void failed(Attempt attempt) {
        jdbc.sql("""
                UPDATE sign_in_throttle SET last_failure_at = now(), pending = GREATEST(pending - 1, 0),
                    locked_until = CASE WHEN address = '' AND failures - GREATEST(pending - 1, 0) >= :lockAfter
                                             AND window_started_at > now() - make_interval(secs => :window)
                                             AND (locked_until IS NULL OR locked_until <= now())
                                        THEN now() + make_interval(secs => :lock) ELSE locked_until END
                WHERE (account = :account AND account <> '' AND address IN ('', :address))
                   OR (account = '' AND address = :address)
                """).param("account", attempt.account()).param("address", attempt.address())
                .param("lockAfter", ACCOUNT_LOCK_AFTER).param("window", WINDOW.toSeconds())
                .param("lock", LOCK.toSeconds()).update();
    }

    /**
     * A right password: its reservation is taken back from the account's and the address's counts, the pair starts
     * afresh, and the address becomes known for the account (its date refreshed once a day).
     */
    public void succeeded(Attempt attempt) {
        String account = attempt.account();
        String address = attempt.address();
        jdbc.sql("""
                UPDATE sign_in_throttle SET failures = failures - 1, pending = GREATEST(pending - 1, 0)
                WHERE failures > 0 AND ((account = :account AND address = '') OR (account = '' AND address = :address))
                """).param("account", account).param("address", address).update();
        if (account.isEmpty()) {
            return;
        }
        jdbc.sql("DELETE FROM sign_in_throttle WHERE account = ? AND address = ?").params(account, address).update();
        if (attempt.knownToday()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO sign_in_known_address (account, address, last_signed_in) VALUES (?, ?, now())
                ON CONFLICT (account, address) DO UPDATE SET last_signed_in = now()
                """).params(account, address).update();
    }

    /**
     * The check never answered (the database failed under it): the reservation is taken back from every count, as if
     * the attempt had not been made. Best effort: if the database is still away this fails too, and the reservation
     * stops counting once {@link #ABANDONED_AFTER} has passed.
     */
    public void released(Attempt attempt) {
        try {
            jdbc.sql("""
                    UPDATE sign_in_throttle SET failures = failures - 1, pending = pending - 1
                    WHERE pending > 0 AND ((account = :account AND account <> '' AND address IN ('', :address))
                       OR (account = '' AND address = :address))
                    """).param("account", attempt.account()).param("address", attempt.address()).update();
        }
        catch (RuntimeException ex) {
            // nothing more to do: the reservation is abandoned and soon ignored
        }
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

    /**
     * Accounts and addresses that must wait now, for the admin, the longest wait first, each with its cause: for an
     * account, how many addresses its failures came from and the latest; for an address, how many names it tried and
     * the latest (from the pair counts).
     */
    public List<Lock> locks() {
        return jdbc.sql("""
                SELECT t.account, t.address, t.failures - %1$s AS failures, t.pending - %1$s AS pending,
                       t.last_failure_at, t.locked_until, now() AS now,
                       t.window_started_at > now() - make_interval(secs => :window) AS in_window,
                       cause.others, cause.latest
                FROM sign_in_throttle t
                LEFT JOIN LATERAL (
                    SELECT count(*) AS others,
                           (array_agg(CASE WHEN t.address = '' THEN p.address ELSE p.account END
                                      ORDER BY p.last_failure_at DESC))[1] AS latest
                    FROM sign_in_throttle p
                    WHERE p.account <> '' AND p.address <> ''
                      AND p.window_started_at > now() - make_interval(secs => :window)
                      AND ((t.address = '' AND p.account = t.account) OR (t.account = '' AND p.address = t.address))
                ) cause ON t.account = '' OR t.address = ''
                WHERE t.window_started_at > now() - make_interval(secs => :window) OR t.locked_until > now()
                ORDER BY t.locked_until DESC NULLS LAST, t.last_failure_at DESC
                """.formatted(ABANDONED)).param("window", WINDOW.toSeconds())
                .query((rows, n) -> {
                    Row row = new Row(rows.getString("account"), rows.getString("address"), rows.getInt("failures"),
                            rows.getInt("pending"), instant(rows.getTimestamp("last_failure_at")), instant(rows.getTimestamp("locked_until")),
                            rows.getBoolean("in_window"), instant(rows.getTimestamp("now")), null);
                    Instant until = row.waitUntil();
                    return until != null && until.isAfter(row.now())
                            ? new Lock(row.account(), row.address(), row.failures(), row.lastFailure(), until,
                                    rows.getInt("others"), rows.getString("latest"))
                            : null;
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
     * when, and how many failures in the current window. The cause, for an account: the number of addresses that
     * failed against it and the latest of them; for an address: the number of names it failed with and the latest;
     * for a pair: 0 and null.
     */
    public record Lock(String account, String address, int failures, Instant lastFailure, Instant until, int others,
            String latestOther) {

        public boolean accountLock() {
            return address.isEmpty();
        }

        public boolean addressLock() {
            return account.isEmpty();
        }
    }

    /** A count: {@code failures} includes the {@code pending} reservations whose password is still being checked. */
    private record Row(String account, String address, int failures, int pending, Instant lastFailure,
            Instant lockedUntil, boolean inWindow, Instant now, Instant knownAt) {

        int completed() {
            return failures - pending;
        }

        int threshold() {
            return address.isEmpty() ? ACCOUNT_LOCK_AFTER : pair() ? PAIR_DELAY_AFTER : ADDRESS_DELAY_AFTER;
        }

        /**
         * With the attempts still being checked, the count reaches the limit: their outcome decides this one (past the
         * limit, one attempt at a time is checked once a wait has passed).
         */
        boolean inFlight() {
            return inWindow && pending > 0 && failures >= threshold();
        }

        boolean pair() {
            return !account.isEmpty() && !address.isEmpty();
        }

        /** When this row lets the next attempt in, or null if it does not hold it back. */
        Instant waitUntil() {
            if (address.isEmpty()) {
                return inWindow && completed() >= ACCOUNT_LOCK_AFTER
                        && (lockedUntil == null || lockedUntil.isBefore(now)) ? now.plus(LOCK) : lockedUntil;
            }
            int after = threshold();
            if (!inWindow || completed() < after) {
                return null;
            }
            long seconds = Math.min(MAX_DELAY.toSeconds(), 1L << Math.min(30, completed() - after));
            return lastFailure.plusSeconds(seconds);
        }
    }

    /** Refused until {@code waitUntil}; or, if that is null, held back only by attempts still being checked. */
    private record Verdict(Instant waitUntil, boolean accountLocked, boolean inFlight) {

        static Verdict of(List<Row> rows, Instant now, boolean known) {
            Instant until = null;
            boolean accountLocked = false;
            boolean inFlight = false;
            for (Row row : rows) {
                inFlight |= row.inFlight() && !(row.address().isEmpty() && known);
                Instant rowUntil = row.waitUntil();
                if (rowUntil == null || !rowUntil.isAfter(now)) {
                    continue;
                }
                if (row.address().isEmpty()) {
                    // The account is locked, but never for its user at an address they signed in from: a guesser
                    // elsewhere cannot lock them out, nor can a failure forged at that address. The password is
                    // still checked there, and the pair's own waits still hold.
                    if (known) {
                        continue;
                    }
                    accountLocked = true;
                }
                if (until == null || rowUntil.isAfter(until)) {
                    until = rowUntil;
                }
            }
            return new Verdict(until, accountLocked, inFlight);
        }
    }
}
