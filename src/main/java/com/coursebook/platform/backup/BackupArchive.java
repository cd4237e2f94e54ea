package com.coursebook.platform.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.FileSystemUtils;

/**
 * A backup is one zip file, {@code coursebook-20261207T021500Z.zip}: the data folder as it was during the backup,
 * PostgreSQL's {@code backup_label} and the WAL from the backup's start to its end. Unpacked into a new folder, a
 * server starts on it by replaying that WAL (crash recovery), and the data is as at the end of the backup.
 */
public final class BackupArchive {

    private static final Logger log = LoggerFactory.getLogger(BackupArchive.class);

    static final Pattern NAME = Pattern.compile("coursebook-(\\d{8}T\\d{6}Z)\\.zip");

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** Left in a restored folder, naming the backup, so a restart with the same setting goes on instead of refusing. */
    static final String RESTORED_FROM = "coursebook-restored-from";

    private BackupArchive() {
    }

    static String fileName(Instant takenAt) {
        return "coursebook-" + STAMP.format(takenAt) + ".zip";
    }

    /** When a backup file was taken, read from its name; empty for any other file. */
    static Optional<Instant> takenAt(Path file) {
        Matcher matcher = NAME.matcher(file.getFileName().toString());
        return matcher.matches() ? Optional.of(Instant.from(STAMP.parse(matcher.group(1)))) : Optional.empty();
    }

    /**
     * Unpacks {@code archive} into {@code dataDirectory}, which must not exist yet or be empty: a restore never
     * overwrites data. If the folder was already restored from this same backup (the setting left in place across a
     * restart), nothing is done. The folder is made readable by its owner only, as PostgreSQL demands.
     */
    public static void restore(Path archive, Path dataDirectory) throws IOException {
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("No backup file at " + archive);
        }
        String name = archive.getFileName().toString();
        if (Files.isDirectory(dataDirectory) && !isEmpty(dataDirectory)) {
            Path marker = dataDirectory.resolve(RESTORED_FROM);
            if (Files.exists(marker) && Files.readString(marker, StandardCharsets.UTF_8).strip().equals(name)) {
                log.info("{} was restored from {} before; starting on it", dataDirectory, name);
                return;
            }
            throw new IllegalStateException("A backup is restored into a new data folder only, and " + dataDirectory
                    + " is not empty. Point COURSEBOOK_DATA_DIR to a new folder, or remove COURSEBOOK_RESTORE_FROM.");
        }
        Path unpacking = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".restoring");
        FileSystemUtils.deleteRecursively(unpacking);
        Files.createDirectories(unpacking);
        ownerOnly(unpacking);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path target = unpacking.resolve(entry.getName()).normalize();
                if (!target.startsWith(unpacking)) {
                    throw new IllegalStateException("Not a CourseBook backup: entry " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    ownerOnly(target);
                }
                else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                }
            }
        }
        if (!Files.exists(unpacking.resolve("backup_label")) || !Files.exists(unpacking.resolve("PG_VERSION"))) {
            FileSystemUtils.deleteRecursively(unpacking);
            throw new IllegalStateException("Not a CourseBook backup (no backup_label or PG_VERSION): " + archive);
        }
        Files.writeString(unpacking.resolve(RESTORED_FROM), name + "\n", StandardCharsets.UTF_8);
        Files.deleteIfExists(dataDirectory); // an empty folder made beforehand
        Files.createDirectories(dataDirectory.getParent());
        Files.move(unpacking, dataDirectory, StandardCopyOption.ATOMIC_MOVE);
        log.warn("Restored backup {} into {}; PostgreSQL replays its WAL at start", name, dataDirectory);
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }

    /** PostgreSQL refuses a data folder others may read (0700 or 0750 only). */
    private static void ownerOnly(Path directory) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(directory, PosixFileAttributeView.class);
        if (view != null) {
            view.setPermissions(PosixFilePermissions.fromString("rwx------"));
        }
    }
}
