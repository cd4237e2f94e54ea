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
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.coursebook.audit.AuditTrail;
import com.coursebook.security.Staff;
import com.coursebook.security.StaffAct;
import com.coursebook.shared.ClinicClock;
import com.coursebook.shared.InvalidRequestException;
import com.coursebook.shared.NotFoundException;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
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

    /** What the audit trail calls a token's lines. */
    private static final String ENTITY = "API_TOKEN";

    private final SecureRandom random = new SecureRandom();

    private final JdbcClient jdbc;

    private final ClinicClock clock;

    private final AuditTrail audit;

    private final UserDetailsService users;

    private final PasswordEncoder encoder;

    ApiTokens(JdbcClient jdbc, ClinicClock clock, AuditTrail audit, UserDetailsService users, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.users = users;
        this.encoder = encoder;
    }

    /** A new token, as it is shown this one time. */
    public record Created(long id, String name, String token, Instant createdAt, Instant expiresAt) {
    }

    /** A token as it is listed: never the token itself. */
    public record Token(long id, String owner, String name, Instant createdAt, String createdBy, Instant lastUsedAt,
            Instant expiresAt, Instant revokedAt, boolean active) {
    }

    /**
     * Creates a token for the signed-in person, and for nobody else: named so they recognise it, valid through {@code
     * expiresOn} (a date in the clinic's zone; null: until revoked). Their password is asked again, so a session left
     * open cannot mint a credential that outlives it; a request signed in with a token cannot make one at all (a token
     * would otherwise outlive its own revocation in its child). Written to the audit trail.
     */
    @Transactional
    public Created create(String name, LocalDate expiresOn, String currentPassword) {
        if (ApiTokenAuthentication.isToken(SecurityContextHolder.getContext().getAuthentication())) {
            throw new AccessDeniedException("An API token cannot make another");
        }
        String owner = Staff.currentName();
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
        if (currentPassword == null || currentPassword.isEmpty()
                || !encoder.matches(currentPassword, users.loadUserByUsername(owner).getPassword())) {
            throw new InvalidRequestException("currentPassword", "password.currentWrong");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant expiresAt = expiresOn == null ? null : clock.toInstant(expiresOn.plusDays(1).atStartOfDay());
        Created created = jdbc.sql("""
                INSERT INTO api_token (user_id, name, token_hash, created_by, expires_at)
                SELECT id, ?, ?, username, ? FROM app_user WHERE username = ?
                RETURNING id, created_at
                """).params(trimmed, hash(token), expiresAt == null ? null : Timestamp.from(expiresAt), owner)
                .query((rows, n) -> new Created(rows.getLong("id"), trimmed, token,
                        rows.getTimestamp("created_at").toInstant(), expiresAt))
                .single();
        audit.recordAs(owner, "TOKEN_CREATE", ENTITY, created.id(), null, "name \"" + trimmed + "\"; works until "
                + (expiresOn == null ? "revoked" : expiresOn.toString()));
        return created;
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
     * its existence is not confirmed; revoking a revoked token changes nothing. Written to the audit trail.
     */
    @Transactional
    public void revoke(long id, String owner, String by) {
        Map<String, Object> which = new HashMap<>(); // owner may be null, which Map.of refuses
        which.put("id", id);
        which.put("owner", owner);
        int revoked = revokeWhere("t.id = :id AND (CAST(:owner AS text) IS NULL OR u.username = :owner)", which, by,
                "revoked");
        if (revoked == 0 && jdbc.sql("""
                SELECT count(*) FROM api_token t JOIN app_user u ON u.id = t.user_id
                WHERE t.id = :id AND (CAST(:owner AS text) IS NULL OR u.username = :owner)""")
                .param("id", id).param("owner", owner).query(Long.class).single() == 0) {
            throw new NotFoundException("token.notFound", id);
        }
    }

    /** Revokes every working token of {@code owner} ("revoke all"); how many. */
    @Transactional
    public int revokeAll(String owner, String by) {
        return revokeWhere("u.username = :owner", Map.of("owner", owner), by, "revoked with all of the login's tokens");
    }

    /**
     * A disabled login's tokens are revoked, not merely refused while it is disabled: enabling it again brings its
     * person back, not credentials made before (they make new ones).
     */
    @EventListener
    void on(StaffAct.Disabled disabled) {
        revokeWhere("u.id = :user", Map.of("user", disabled.entityId()), Staff.currentName(), "login disabled");
    }

    private int revokeWhere(String condition, Map<String, Object> params, String by, String why) {
        List<Long> ids = jdbc.sql("""
                UPDATE api_token t SET revoked_at = now(), revoked_by = :by
                FROM app_user u WHERE u.id = t.user_id AND t.revoked_at IS NULL AND %s
                RETURNING t.id""".formatted(condition)).params(params).param("by", by).query(Long.class).list();
        ids.forEach(id -> audit.recordAs(by, "TOKEN_REVOKE", ENTITY, id, null, why));
        return ids.size();
    }

    /** A token that checked out: which, and whose. */
    public record Use(long tokenId, String owner) {
    }

    /**
     * The token presented, if it is one of ours, not revoked and not expired; its first use from an address is
     * written to the audit trail (as its owner's), later ones from there are not.
     */
    @Transactional
    public Optional<Use> use(String presented, String address) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 200) {
            return Optional.empty();
        }
        record Found(long id, String owner, boolean stale, boolean knownAddress) {
        }
        Optional<Found> found = jdbc.sql("""
                SELECT t.id, u.username, t.last_used_at IS NULL OR t.last_used_at < now() - interval '%s' AS stale,
                       EXISTS (SELECT FROM api_token_address a WHERE a.token_id = t.id AND a.address = ?) AS known
                FROM api_token t JOIN app_user u ON u.id = t.user_id
                WHERE t.token_hash = ? AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())
                """.formatted(TOUCH_EVERY)).params(address, hash(presented))
                .query((rows, n) -> new Found(rows.getLong("id"), rows.getString("username"), rows.getBoolean("stale"),
                        rows.getBoolean("known")))
                .optional();
        found.filter(Found::stale).ifPresent(token -> jdbc.sql("UPDATE api_token SET last_used_at = now() WHERE id = ?")
                .param(token.id()).update());
        // Only the request that adds the address writes the line, however many race to it.
        found.filter(token -> !token.knownAddress()).filter(token -> jdbc.sql("""
                INSERT INTO api_token_address (token_id, address) VALUES (?, ?) ON CONFLICT DO NOTHING""")
                .params(token.id(), address).update() == 1)
                .ifPresent(token -> audit.recordAs(token.owner(), "TOKEN_NEW_ADDRESS", ENTITY, token.id(), null,
                        "used from " + address));
        return found.map(token -> new Use(token.id(), token.owner()));
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
