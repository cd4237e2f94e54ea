package com.coursebook.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The chain's head kept outside the database: one line per anchor (time, last line's number, lines, its hash), in a
 * file per day (UTC) of a folder the operator ships elsewhere, and the same line in the log. Whoever owns the database
 * can rewrite the chain consistently, but not the copies already shipped: the check compares the chain with every
 * anchor here, and an operator compares these files with the shipped ones (docs/operations.md).
 */
@Component
class AuditAnchors {

    private static final Logger log = LoggerFactory.getLogger(AuditAnchors.class);

    static final String PREFIX = "audit-anchor-";

    private static final Pattern LINE = Pattern.compile(
            "at=(\\S+) seq=(\\d+) lines=(\\d+) hash=([0-9a-f]{64})");

    private final Path directory;

    AuditAnchors(@Value("${coursebook.audit.anchor-directory:}") String directory) throws IOException {
        // Blank: a throw-away folder (tests); the application's properties name ./data/anchors.
        this.directory = directory == null || directory.isBlank() ? Files.createTempDirectory("coursebook-anchors")
                : Path.of(directory).toAbsolutePath();
    }

    Path directory() {
        return directory;
    }

    /** Appends the anchor to the day's file, forced to disk, and logs it. */
    synchronized void write(AuditLog.Anchor anchor) {
        String line = format(anchor);
        Path file = directory.resolve(PREFIX + anchor.at().atOffset(ZoneOffset.UTC).toLocalDate() + ".txt");
        try {
            Files.createDirectories(directory);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not write the audit anchor to " + file, ex);
        }
        log.info("Audit anchor {} (file {})", line, file);
    }

    /** Every anchor in the folder, in the order written; a line that does not read as one is an error. */
    List<AuditLog.Anchor> all() {
        List<AuditLog.Anchor> anchors = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return anchors;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, PREFIX + "*.txt")) {
            List<Path> sorted = new ArrayList<>();
            files.forEach(sorted::add);
            sorted.sort(null);
            for (Path file : sorted) {
                for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                    if (!line.isBlank()) {
                        anchors.add(parse(line, file));
                    }
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read the audit anchors in " + directory, ex);
        }
        return anchors;
    }

    static String format(AuditLog.Anchor anchor) {
        return "at=" + anchor.at() + " seq=" + anchor.seq() + " lines=" + anchor.lines() + " hash=" + anchor.hash();
    }

    private static AuditLog.Anchor parse(String line, Path file) {
        Matcher m = LINE.matcher(line.strip());
        if (!m.matches()) {
            throw new UnreadableAnchor(file, line);
        }
        return new AuditLog.Anchor(Long.parseLong(m.group(2)), m.group(4), Long.parseLong(m.group(3)),
                Instant.parse(m.group(1)));
    }

    /** An anchor file altered or damaged: the check says so rather than skipping it. */
    static final class UnreadableAnchor extends RuntimeException {

        UnreadableAnchor(Path file, String line) {
            super("Unreadable audit anchor in " + file + ": " + line);
        }
    }
}
