package com.coursebook.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.coursebook.catalog.EligibleSex;
import com.coursebook.catalog.Severity;
import com.coursebook.catalog.Temporality;
import com.coursebook.rules.Facts.Condition;
import com.coursebook.rules.Facts.Cycle;
import com.coursebook.rules.Facts.Examination;
import com.coursebook.rules.Facts.Patient;
import com.coursebook.rules.Facts.Practitioner;
import com.coursebook.rules.Facts.Program;
import com.coursebook.rules.Facts.Proposal;
import com.coursebook.shared.Bilingual;
import com.coursebook.shared.Sex;

/** Small, readable facts for rule tests: the shipped programs' parameters, and conditions by name. */
final class Fixtures {

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    static final Program PROSTATE = new Program("PROSTATE_MASSAGE", new Bilingual("Prostate massage", "Массаж"),
            EligibleSex.MALE, 8, 15, 2, 4, true, 30, false, null);

    static final Program GYNECOLOGICAL = new Program("GYNECOLOGICAL_MASSAGE",
            new Bilingual("Gynecological massage", "Гинекологический массаж"), EligibleSex.FEMALE, 10, 60, 1, 7, true,
            30, false, Severity.ABSOLUTE);

    static final Practitioner UROLOGIST = new Practitioner(1L, "Dr Uro", Set.of("PROSTATE_MASSAGE"));

    static final Practitioner GYNECOLOGIST = new Practitioner(2L, "Dr Gyn", Set.of("GYNECOLOGICAL_MASSAGE"));

    private Fixtures() {
    }

    static Condition episodic(String code, Severity severity, LocalDate onset, LocalDate expectedEnd) {
        return new Condition(1L, code, new Bilingual(code, code), severity, Temporality.EPISODIC, null, onset,
                expectedEnd, null);
    }

    static Condition permanent(String code, Severity severity, LocalDate onset) {
        return new Condition(2L, code, new Bilingual(code, code), severity, Temporality.PERMANENT, null, onset, null,
                null);
    }

    static Condition resolved(Condition condition, LocalDate resolvedOn) {
        return new Condition(condition.id(), condition.code(), condition.name(), condition.severity(),
                condition.temporality(), condition.windowDays(), condition.onset(), condition.expectedEnd(),
                resolvedOn);
    }

    static Condition window(String code, LocalDate event, int days) {
        return new Condition(3L, code, new Bilingual(code, code), Severity.ABSOLUTE, Temporality.WINDOW_AFTER_EVENT,
                days, event, null, null);
    }

    static Patient man(Condition... conditions) {
        return new Patient(10L, Sex.MALE, List.of(conditions), null, List.of(clearedExam()));
    }

    static Patient woman(Cycle cycle, Condition... conditions) {
        return new Patient(11L, Sex.FEMALE, List.of(conditions), cycle, List.of(clearedExam()));
    }

    static Examination clearedExam() {
        return new Examination(MONDAY.minusDays(3), true);
    }

    /** Dates from a first day, every {@code cadence} days. */
    static List<LocalDate> every(int cadence, LocalDate first, int count) {
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            dates.add(first.plusDays((long) i * cadence));
        }
        return dates;
    }

    static Proposal prostateCourse(Patient patient, List<LocalDate> dates) {
        return Proposal.booking(patient, PROSTATE, UROLOGIST, dates);
    }

    static Proposal gynecologicalCourse(Patient patient, List<LocalDate> dates) {
        return Proposal.booking(patient, GYNECOLOGICAL, GYNECOLOGIST, dates);
    }
}
