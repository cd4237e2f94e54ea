package com.coursebook.platform.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * One online backup of a running PostgreSQL whose data folder is on this machine, the way pg_basebackup makes one,
 * on ONE connection of the superuser kept open throughout:
 * <ol>
 * <li>a temporary replication slot, so no WAL the backup needs is recycled while the files are copied;</li>
 * <li>{@code pg_backup_start} (non-exclusive, with an immediate checkpoint);</li>
 * <li>every file of the data folder, as it is while the server writes on (torn pages are repaired by the WAL's full
 * page images), leaving out what PostgreSQL's own backups leave out;</li>
 * <li>{@code pg_backup_stop}, whose label becomes the backup's {@code backup_label};</li>
 * <li>the WAL segments from the start's to the stop's.</li>
 * </ol>
 * The slot goes with the connection. A server started on the unpacked files replays that WAL and opens consistent.
 */
final class OnlineBackup {

    /** Folders whose contents PostgreSQL rebuilds at start (pg_basebackup leaves them out too). */
    private static final Set<String> EMPTIED = Set.of("pg_wal", "pg_stat_tmp", "pg_replslot", "pg_dynshmem",
            "pg_notify", "pg_serial", "pg_snapshots", "pg_subtrans");

    private static final Set<String> LEFT_OUT = Set.of("postmaster.pid", "postmaster.opts", "backup_label",
            "tablespace_map", "backup_manifest", "postgresql.auto.conf.tmp", "current_logfiles", "epg-lock",
            BackupArchive.RESTORED_FROM, "postmaster.log");

    private OnlineBackup() {
    }

    static void take(Connection superuser, Path dataDirectory, ZipOutputStream zip) throws SQLException, IOException {
        try (Statement statement = superuser.createStatement()) {
            statement.execute("SELECT pg_create_physical_replication_slot('coursebook_backup_' || pg_backend_pid(), "
                    + "true, true)");
        }
        String firstSegment;
        try (PreparedStatement start = superuser.prepareStatement(
                "SELECT pg_walfile_name(lsn) FROM pg_backup_start(?, true) AS lsn")) {
            start.setString(1, "coursebook " + dataDirectory.getFileName());
            firstSegment = single(start);
        }
        copyDataFolder(dataDirectory, zip);
        String lastSegment;
        String label;
        String tablespaceMap;
        try (Statement stop = superuser.createStatement();
                ResultSet rs = stop.executeQuery(
                        "SELECT pg_walfile_name(lsn), labelfile, spcmapfile FROM pg_backup_stop(false)")) {
            rs.next();
            lastSegment = rs.getString(1);
            label = rs.getString(2);
            tablespaceMap = rs.getString(3);
        }
        copyWal(dataDirectory.resolve("pg_wal"), firstSegment, lastSegment, zip);
        write(zip, "backup_label", label);
        if (tablespaceMap != null && !tablespaceMap.isEmpty()) {
            write(zip, "tablespace_map", tablespaceMap);
        }
    }

    private static String single(PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void copyDataFolder(Path root, ZipOutputStream zip) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) throws IOException {
                String name = directory.getFileName().toString();
                if (!directory.equals(root)) {
                    if (name.startsWith("pgsql_tmp")) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    zip.putNextEntry(new ZipEntry(entryName(root, directory) + "/"));
                    zip.closeEntry();
                }
                if (directory.getParent() != null && directory.getParent().equals(root) && EMPTIED.contains(name)) {
                    if (name.equals("pg_wal")) {
                        zip.putNextEntry(new ZipEntry("pg_wal/archive_status/"));
                        zip.closeEntry();
                    }
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                String name = file.getFileName().toString();
                boolean leftOut = (file.getParent().equals(root) && LEFT_OUT.contains(name))
                        || name.startsWith("pgsql_tmp") || name.startsWith("pg_internal.init");
                if (!leftOut && attributes.isRegularFile()) {
                    copy(file, entryName(root, file), zip);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException ex) throws IOException {
                if (ex instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE; // dropped by the server meanwhile (a temporary file, a table)
                }
                throw ex;
            }
        });
    }

    /** The segments from the start's to the stop's, by name (one timeline), and any timeline history. */
    private static void copyWal(Path wal, String first, String last, ZipOutputStream zip) throws IOException {
        List<Path> segments;
        try (Stream<Path> files = Files.list(wal)) {
            segments = files.filter(file -> {
                String name = file.getFileName().toString();
                return name.endsWith(".history") || (name.matches("[0-9A-F]{24}") && name.compareTo(first) >= 0
                        && name.compareTo(last) <= 0);
            }).sorted().toList();
        }
        for (String needed : List.of(first, last)) {
            if (segments.stream().noneMatch(segment -> segment.getFileName().toString().equals(needed))) {
                throw new IOException("WAL segment " + needed + " is missing from " + wal);
            }
        }
        for (Path segment : segments) {
            if (!copy(segment, "pg_wal/" + segment.getFileName(), zip)) {
                throw new IOException("WAL segment " + segment.getFileName() + " vanished during the backup");
            }
        }
    }

    /** Opens the file before its entry is begun, so a file deleted meanwhile leaves no empty entry (false). */
    private static boolean copy(Path file, String entry, ZipOutputStream zip) throws IOException {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        }
        catch (NoSuchFileException ex) {
            return false;
        }
        try (in) {
            zip.putNextEntry(new ZipEntry(entry));
            in.transferTo(zip);
            zip.closeEntry();
            return true;
        }
    }

    private static void write(ZipOutputStream zip, String entry, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(entry));
        OutputStream out = zip;
        out.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String entryName(Path root, Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }
}
