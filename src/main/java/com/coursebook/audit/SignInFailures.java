package com.coursebook.audit;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.coursebook.shared.ClinicClock;
import com.coursebook.shared.StorableText;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failed and throttled sign-ins, counted like repeated reads so that a flood of them cannot grow the chained trail:
 * one row per name tried, address and minute in {@code audit_sign_in_failure}, with the count. The first
 * {@link #CHAINED_PER_ADDRESS} names per address and minute (and {@link #CHAINED_PER_MINUTE} in all) also get their
 * lines in the chain, as before (one per reason, repeats counted by the trail); past that they are only counted
 * here, outside the chain. 300 made-up names from one
 * address made 300 permanent chained lines in 12.5 s before.
 */
@Service
public class SignInFailures {

    /** Chained lines per address and minute, for failures of names not yet seen from it this minute. */
    static final int CHAINED_PER_ADDRESS = 10;

    /** Chained lines per minute over all addresses (a spread flood). */
    static final int CHAINED_PER_MINUTE = 100;

    /** How long the counts are kept. */
    static final Duration KEPT = Duration.ofDays(30);

    private static final int LIMIT = 100;

    private final AuditTrail trail;

    private final ClinicClock clock;

    private final JdbcClient jdbc;

    SignInFailures(AuditTrail trail, ClinicClock clock, JdbcClient jdbc) {
        this.trail = trail;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /**
     * Counts a failed sign-in and, for a name admitted to the chain this minute (the first {@link
     * #CHAINED_PER_ADDRESS} names from its address), writes its chained line too: the trail's own flood control
     * counts an identical line within the minute, and a different reason (a disabled login) is a line of its own.
     *
     * @param throttled refused before the password was checked, rather than a wrong password (or a disabled login)
     * @param details   what the chained line says: why it failed and how the person signed in
     */
    @Transactional
    public void record(String name, String address, boolean throttled, String details) {
        Instant now = clock.now();
        String account = bounded(name == null || name.isBlank() ? "anonymous" : name);
        Boolean chain = jdbc.sql("""
                WITH before AS (
                    SELECT count(*) FILTER (WHERE chained AND address = :address) AS here, count(*) FILTER (WHERE chained) AS all_
                    FROM audit_sign_in_failure WHERE minute = :minute),
                counted AS (
                    INSERT INTO audit_sign_in_failure AS t (minute, address, account, failures, throttled, chained, last_at)
                    SELECT :minute, :address, :account, :failures, :throttled,
                           before.here < :perAddress AND before.all_ < :perMinute, :now
                    FROM before
                    ON CONFLICT (minute, address, account) DO UPDATE SET failures = t.failures + excluded.failures,
                        throttled = t.throttled + excluded.throttled, last_at = excluded.last_at
                    RETURNING chained)
                SELECT chained FROM counted
                """).param("minute", Timestamp.from(now.truncatedTo(ChronoUnit.MINUTES)))
                .param("address", bounded(address == null || address.isBlank() ? "unknown" : address))
                .param("account", account).param("failures", throttled ? 0 : 1).param("throttled", throttled ? 1 : 0)
                .param("perAddress", CHAINED_PER_ADDRESS).param("perMinute", CHAINED_PER_MINUTE)
                .param("now", Timestamp.from(now)).query(Boolean.class).single();
        if (Boolean.TRUE.equals(chain)) {
            trail.recordAs(account, "SIGN_IN_FAILED", "USER", null, null, details);
        }
    }

    /** Per address, the failed sign-ins of the last {@code period}: most attempts first. */
    @Transactional(readOnly = true)
    public List<FromAddress> recent(Duration period) {
        return jdbc.sql("""
                SELECT address, count(DISTINCT account) AS names, sum(failures) AS failures, sum(throttled) AS throttled,
                       count(*) FILTER (WHERE chained) AS chained, max(last_at) AS last_at
                FROM audit_sign_in_failure WHERE last_at > :since
                GROUP BY address ORDER BY sum(failures) + sum(throttled) DESC, max(last_at) DESC LIMIT 50
                """).param("since", Timestamp.from(clock.now().minus(period)))
                .query((rows, n) -> new FromAddress(rows.getString("address"), rows.getInt("names"),
                        rows.getLong("failures"), rows.getLong("throttled"), rows.getInt("chained"),
                        rows.getTimestamp("last_at").toInstant()))
                .list();
    }

    /** Failed sign-ins from one address: names tried, wrong passwords, attempts refused before the check. */
    public record FromAddress(String address, int names, long failures, long throttled, int chainedLines,
            Instant lastAt) {
    }

    /** Counts older than {@link #KEPT} are dropped (the chained lines stay, as the whole trail does). */
    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.HOURS)
    public int purge() {
        return jdbc.sql("DELETE FROM audit_sign_in_failure WHERE last_at < ?")
                .param(Timestamp.from(clock.now().minus(KEPT))).update();
    }

    /** Cut to the column's length, and storable (a NUL typed into a sign-in name cannot be stored as text). */
    private static String bounded(String value) {
        String storable = StorableText.of(value);
        return storable.length() > LIMIT ? storable.substring(0, LIMIT) : storable;
    }
}
