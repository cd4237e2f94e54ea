package com.coursebook.catalog;

import com.coursebook.shared.Bilingual;

/**
 * The settings of a treatment program an admin may change. Who receives it (sex, specialty) and the
 * hands-on time progression stay as shipped: they define what the program is, not how a clinic runs it.
 */
public record ProgramRevision(int defaultSessions, int minSessions, int maxSessions, int cadenceDays,
        int minGapDays, int maxPerWeek, int slotMinutes, boolean requiresExamination, int examinationValidDays,
        boolean examinationBlocksBooking, boolean active, Bilingual preparation, Bilingual aftercare,
        Integer reviewPainThreshold) {

    /** As before this program had a pain threshold: the revision keeps the current one. */
    public ProgramRevision(int defaultSessions, int minSessions, int maxSessions, int cadenceDays, int minGapDays,
            int maxPerWeek, int slotMinutes, boolean requiresExamination, int examinationValidDays,
            boolean examinationBlocksBooking, boolean active, Bilingual preparation, Bilingual aftercare) {
        this(defaultSessions, minSessions, maxSessions, cadenceDays, minGapDays, maxPerWeek, slotMinutes,
                requiresExamination, examinationValidDays, examinationBlocksBooking, active, preparation, aftercare,
                null);
    }
}
