package com.coursebook.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A hash of a record's values, in order: SHA-256 over each value written as its length and its text (so no two lists
 * of values read alike), an {@link Instant} as microseconds since the epoch (what PostgreSQL keeps), an enum by name.
 * Computed in Java so that no function in the database, which its owner may replace, takes part.
 */
public final class Seal {

    private Seal() {
    }

    public static String of(Object... values) {
        StringBuilder text = new StringBuilder();
        for (Object value : values) {
            if (value == null) {
                text.append("-;");
                continue;
            }
            String part = value instanceof Instant instant ? Long.toString(micros(instant))
                    : value instanceof Enum<?> constant ? constant.name() : value.toString();
            text.append(part.length()).append(':').append(part).append(';');
        }
        return HexFormat.of().formatHex(sha256().digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every Java runtime has SHA-256", ex);
        }
    }
}
