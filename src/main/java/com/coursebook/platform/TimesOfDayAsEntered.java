package com.coursebook.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import org.springframework.stereotype.Component;

/**
 * Migration 22.2: puts back the times of day written before V22. Hibernate then rendered a {@code LocalTime} through
 * the JVM's default zone on 1 January 1970 and stored it as UTC, so every stored time is the entered one minus that
 * zone's 1970 offset. The earlier release left no record of its zone; the JVM's zone at the upgrade is the best
 * evidence (same server), so this, the only place allowed to read the server's zone, adds its offset back and
 * records what it assumed in {@code time_of_day_correction} (docs/operations.md says how to correct otherwise).
 * A Spring bean, so Boot hands it to Flyway; Flyway runs it once, in order, as the schema's owner.
 */
@Component
class TimesOfDayAsEntered implements JavaMigration {

    /** What the correction did: the zone assumed, the minutes added and the rows changed. */
    record Correction(String serverZone, int shiftMinutes, int workingHours, int workingBreaks) {
    }

    @Override
    public void migrate(Context context) throws SQLException {
        correct(context.getConnection(), ZoneId.systemDefault());
    }

    static Correction correct(Connection connection, ZoneId serverZone) throws SQLException {
        int minutes = serverZone.getRules().getOffset(Instant.EPOCH).getTotalSeconds() / 60;
        int hours = shift(connection, "working_hours", minutes);
        int breaks = shift(connection, "working_break", minutes);
        try (PreparedStatement record = connection.prepareStatement("""
                INSERT INTO time_of_day_correction (server_zone, shift_minutes, working_hours, working_breaks)
                VALUES (?, ?, ?, ?)""")) {
            record.setString(1, serverZone.getId());
            record.setInt(2, minutes);
            record.setInt(3, hours);
            record.setInt(4, breaks);
            record.executeUpdate();
        }
        return new Correction(serverZone.getId(), minutes, hours, breaks);
    }

    /** time + interval wraps around midnight, as the shift did. */
    private static int shift(Connection connection, String table, int minutes) throws SQLException {
        if (minutes == 0) {
            return 0;
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + table
                + " SET starts_at = starts_at + make_interval(mins => ?), ends_at = ends_at + make_interval(mins => ?)")) {
            update.setInt(1, minutes);
            update.setInt(2, minutes);
            return update.executeUpdate();
        }
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("22.2");
    }

    @Override
    public String getDescription() {
        return "times of day as entered";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }
}
