package com.coursebook.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.coursebook.shared.ClinicClock;
import com.coursebook.shared.InvalidRequestException;
import com.coursebook.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens, sent as {@code Authorization: Bearer <token>}. A token is 256 random bits, so one SHA-256
 * of it is enough to store (nobody can try guesses against a hash of that much randomness), and checking it costs a
 * lookup by that hash instead of bcrypt on every request. The token itself is shown once, when it is created.
 */
@Service
public class ApiTokens {

    /** A recognisable prefix, so a leaked token is easy to spot (and secret scanners can match it). */
    static final String PREFIX = "cb_";

    /** last_used_at is a hint, not an audit: written at most once a minute per token, not on every request. */
    private static final String TOUCH_EVERY = "1 minute";

    private static final int MAX_NAME = 100;

    private final SecureRandom random = new SecureRandom();

    private final JdbcClient jdbc;

    private final ClinicClock clock;

    ApiTokens(JdbcClient jdbc, ClinicClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new token, as it is shown this one time. */
    public record Created(long id, String name, String token, Instant createdAt, Instant expiresAt) {
    }

    /** A token as it is listed: never the token itself. */
    public record Token(long id, String owner, String name, Instant createdAt, String createdBy, Instant lastUsedAt,
            Instant expiresAt, Instant revokedAt, boolean active) {
    }

    /**
     * Creates a token for {@code owner}, named so its owner recognises it, valid through {@code expiresOn} (a date
     * in the clinic's zone; null: until revoked).
     */
    @Transactional
    public Created create(String owner, String name, LocalDate expiresOn, String by) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidRequestException("name", "token.name.required");
        }
        if (trimmed.length() > MAX_NAME) {
            throw new InvalidRequestException("name", "token.name.tooLong", MAX_NAME);
        }
        if (expiresOn != null && !expiresOn.isAfter(clock.today())) {
            throw new InvalidRequestException("expiresOn", "token.expiresOn.future");
        }
        Long userId = jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(owner).query(Long.class)
                .optional().orElseThrow(() -> new InvalidRequestException("owner", "token.user.notFound", owner));
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant expiresAt = expiresOn == null ? null : clock.toInstant(expiresOn.plusDays(1).atStartOfDay());
        return jdbc.sql("""
                INSERT INTO api_token (user_id, name, token_hash, created_by, expires_at) VALUES (?, ?, ?, ?, ?)
                RETURNING id, created_at
                """).params(userId, trimmed, hash(token), by, expiresAt == null ? null : Timestamp.from(expiresAt))
                .query((rows, n) -> new Created(rows.getLong("id"), trimmed, token,
                        rows.getTimestamp("created_at").toInstant(), expiresAt))
                .single();
    }

    /** The owner's tokens, newest first, revoked ones too (so they see what they revoked). */
    public List<Token> of(String owner) {
        return jdbc.sql(SELECT + " WHERE u.username = ? ORDER BY t.created_at DESC, t.id DESC").param(owner)
                .query(ApiTokens::token).list();
    }

    /** Every user's tokens that still work, for the admin. */
    public List<Token> active() {
        return jdbc.sql(SELECT + " WHERE t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now()) "
                + "ORDER BY u.username, t.created_at DESC").query(ApiTokens::token).list();
    }

    /**
     * Revokes a token of {@code owner} (null: any user's, for an admin). Someone else's token is "not found", so
     * its existence is not confirmed; revoking a revoked token changes nothing.
     */
    @Transactional
    public void revoke(long id, String owner, String by) {
        int found = jdbc.sql("""
                UPDATE api_token t SET revoked_at = coalesce(t.revoked_at, now()), revoked_by = coalesce(t.revoked_by, :by)
                FROM app_user u WHERE u.id = t.user_id AND t.id = :id AND (CAST(:owner AS text) IS NULL OR u.username = :owner)
                """).param("id", id).param("owner", owner).param("by", by).update();
        if (found == 0) {
            throw new NotFoundException("token.notFound", id);
        }
    }

    /** The user a presented token belongs to, if it is one of ours, not revoked and not expired. */
    public Optional<String> ownerOf(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 200) {
            return Optional.empty();
        }
        record Found(long id, String owner, boolean stale) {
        }
        Optional<Found> found = jdbc.sql("""
                SELECT t.id, u.username, t.last_used_at IS NULL OR t.last_used_at < now() - interval '%s' AS stale
                FROM api_token t JOIN app_user u ON u.id = t.user_id
                WHERE t.token_hash = ? AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())
                """.formatted(TOUCH_EVERY)).param(hash(presented))
                .query((rows, n) -> new Found(rows.getLong("id"), rows.getString("username"), rows.getBoolean("stale")))
                .optional();
        found.filter(Found::stale).ifPresent(token -> jdbc.sql("UPDATE api_token SET last_used_at = now() WHERE id = ?")
                .param(token.id()).update());
        return found.map(Found::owner);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every Java has SHA-256", ex);
        }
    }

    private static final String SELECT = """
            SELECT t.id, u.username, t.name, t.created_at, t.created_by, t.last_used_at, t.expires_at, t.revoked_at,
                   t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now()) AS active
            FROM api_token t JOIN app_user u ON u.id = t.user_id""";

    private static Token token(ResultSet rows, int n) throws SQLException {
        return new Token(rows.getLong("id"), rows.getString("username"), rows.getString("name"),
                instant(rows, "created_at"), rows.getString("created_by"), instant(rows, "last_used_at"),
                instant(rows, "expires_at"), instant(rows, "revoked_at"), rows.getBoolean("active"));
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        Timestamp value = rows.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
