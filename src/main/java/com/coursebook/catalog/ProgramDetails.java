package com.coursebook.catalog;

import java.util.Locale;

import com.coursebook.shared.Bilingual;

/**
 * One treatment program with everything an admin may change, instructions in both languages, and the
 * version to send back with the change. The shape of the API's PUT body plus what is fixed.
 */
public record ProgramDetails(String code, String nameEn, String nameRu, Specialty specialty, EligibleSex eligibleSex,
        int defaultSessions, int minSessions, int maxSessions, int cadenceDays, int minGapDays, int maxPerWeek,
        int slotMinutes, int maxSessionMinutes, boolean requiresExamination, int examinationValidDays,
        boolean examinationBlocksBooking, boolean active, String preparationEn, String preparationRu,
        String aftercareEn, String aftercareRu, int reviewPainThreshold, long version, int firstSessionMinutes,
        int sessionMinutesStep, String roomType, boolean pausesForMenstruation) {

    static ProgramDetails of(TreatmentProgram p, boolean pausesForMenstruation) {
        return new ProgramDetails(p.getCode(), p.getName().en(), p.getName().ru(), p.getSpecialty(),
                p.getEligibleSex(), p.getDefaultSessions(), p.getMinSessions(), p.getMaxSessions(),
                p.getCadenceDays(), p.getMinGapDays(), p.getMaxPerWeek(), p.getSlotMinutes(),
                p.getMaxSessionMinutes(), p.isRequiresExamination(), p.getExaminationValidDays(),
                p.isExaminationBlocksBooking(), p.isActive(), p.getPreparation().en(), p.getPreparation().ru(),
                p.getAftercare().en(), p.getAftercare().ru(), p.getReviewPainThreshold(), p.getVersion(),
                p.getFirstSessionMinutes(), p.getSessionMinutesStep(), p.getRoomType(), pausesForMenstruation);
    }

    /** The name in the reader's language, for the edit screen's heading. */
    public String name(Locale locale) {
        return new Bilingual(nameEn, nameRu).in(locale);
    }
}
