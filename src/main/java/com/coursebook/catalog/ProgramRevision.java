package com.coursebook.catalog;

import com.coursebook.shared.Bilingual;

/**
 * The settings of a treatment program an admin may change. The code and the specialty define what the program
 * is (practitioners are qualified by specialty) and stay as created. Fields that may be null leave the current
 * value as it is, so an older client that does not send them changes nothing it did not mean to.
 *
 * @param name both names (null: unchanged)
 * @param eligibleSex who may receive it (null: unchanged)
 * @param firstSessionMinutes hands-on minutes of the first session (null: unchanged)
 * @param maxSessionMinutes hands-on minutes it rises to (null: unchanged)
 * @param sessionMinutesStep minutes added per session (null: unchanged)
 * @param roomType the room type it needs, a code of {@link RoomType} (null: unchanged)
 */
public record ProgramRevision(int defaultSessions, int minSessions, int maxSessions, int cadenceDays,
        int minGapDays, int maxPerWeek, int slotMinutes, boolean requiresExamination, int examinationValidDays,
        boolean examinationBlocksBooking, boolean active, Bilingual preparation, Bilingual aftercare,
        Integer reviewPainThreshold, Bilingual name, EligibleSex eligibleSex, Integer firstSessionMinutes,
        Integer maxSessionMinutes, Integer sessionMinutesStep, String roomType) {

    public ProgramRevision(int defaultSessions, int minSessions, int maxSessions, int cadenceDays, int minGapDays,
            int maxPerWeek, int slotMinutes, boolean requiresExamination, int examinationValidDays,
            boolean examinationBlocksBooking, boolean active, Bilingual preparation, Bilingual aftercare,
            Integer reviewPainThreshold) {
        this(defaultSessions, minSessions, maxSessions, cadenceDays, minGapDays, maxPerWeek, slotMinutes,
                requiresExamination, examinationValidDays, examinationBlocksBooking, active, preparation, aftercare,
                reviewPainThreshold, null, null, null, null, null, null);
    }

    /** As before this program had a pain threshold: the revision keeps the current one. */
    public ProgramRevision(int defaultSessions, int minSessions, int maxSessions, int cadenceDays, int minGapDays,
            int maxPerWeek, int slotMinutes, boolean requiresExamination, int examinationValidDays,
            boolean examinationBlocksBooking, boolean active, Bilingual preparation, Bilingual aftercare) {
        this(defaultSessions, minSessions, maxSessions, cadenceDays, minGapDays, maxPerWeek, slotMinutes,
                requiresExamination, examinationValidDays, examinationBlocksBooking, active, preparation, aftercare,
                null);
    }
}
