package com.coursebook.platform.backup;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Online backups of the embedded database (docs/operations.md).
 *
 * @param directory   where the backups go, relative to the working directory
 * @param keep        how many of the newest backups are kept; older ones are deleted after each new one
 * @param cron        when the scheduled backup runs, in the clinic's zone ({@code -} switches it off)
 * @param restoreFrom a backup to unpack into the data folder at start, when that folder is new (restore)
 */
@ConfigurationProperties("coursebook.backup")
public record BackupProperties(String directory, Integer keep, String cron, String restoreFrom) {

    public BackupProperties {
        directory = directory == null || directory.isBlank() ? "./data/backups" : directory;
        keep = keep == null ? 7 : keep;
        if (keep < 1) {
            throw new IllegalArgumentException("coursebook.backup.keep must be at least 1, not " + keep);
        }
        cron = cron == null || cron.isBlank() ? "-" : cron;
        restoreFrom = restoreFrom == null || restoreFrom.isBlank() ? null : restoreFrom;
    }
}
