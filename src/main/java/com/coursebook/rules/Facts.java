package com.coursebook.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import com.coursebook.catalog.EligibleSex;
import com.coursebook.catalog.Severity;
import com.coursebook.catalog.Temporality;
import com.coursebook.shared.Bilingual;
import com.coursebook.shared.Sex;

/** The facts the rules reason over: plain values, so rules are testable without Spring or a database. */
public final class Facts {

    private Facts() {
    }

    /**
     * @param conditions   the patient's recorded conditions whose catalog row applies to the program
     * @param cycle        menstrual-cycle data, null when none is recorded
     * @param examinations examinations for the program, any date
     */
    public record Patient(Long id, Sex sex, List<Condition> conditions, Cycle cycle, List<Examination> examinations) {

        public Patient {
            conditions = List.copyOf(conditions);
            examinations = List.copyOf(examinations);
        }
    }

    /** A recorded condition with the catalog row it refers to (severity and timing are the catalog's, now). */
    public record Condition(Long id, String code, Bilingual name, Severity severity, Temporality temporality,
            Integer windowDays, LocalDate onset, LocalDate expectedEnd, LocalDate resolvedOn) {
    }

    /** Cycle data; lengths may be unknown, in which case typical values are assumed (28 and 5 days). */
    public record Cycle(LocalDate lastPeriodStart, Integer cycleLengthDays, Integer periodLengthDays,
            List<LocalDate> reportedStarts) {

        public Cycle {
            reportedStarts = reportedStarts == null ? List.of() : List.copyOf(reportedStarts);
        }
    }

    public record Examination(LocalDate examinedOn, boolean cleared) {
    }

    /**
     * @param menstruationSeverity severity of the active recurring contraindication (menstruation) that applies
     *                             to this program, or null when the program does not pause for it
     */
    public record Program(String code, Bilingual name, EligibleSex eligibleSex, int minSessions, int maxSessions,
            int minGapDays, int maxPerWeek, boolean requiresExamination, int examinationValidDays,
            boolean examinationBlocksBooking, Severity menstruationSeverity) {

        public boolean pausesForMenstruation() {
            return menstruationSeverity != null;
        }
    }

    public record Practitioner(Long id, String name, Set<String> programCodes) {

        public Practitioner {
            programCodes = Set.copyOf(programCodes);
        }
    }

    /**
     * What to check: proposed session dates (in course order) for a patient, program and practitioner.
     *
     * @param courseStart the date of the course's first session (equals the first date when booking)
     */
    public record Proposal(Patient patient, Program program, Practitioner practitioner, List<LocalDate> sessionDates,
            LocalDate courseStart, Stage stage) {

        public Proposal {
            sessionDates = List.copyOf(sessionDates);
        }

        public static Proposal booking(Patient patient, Program program, Practitioner practitioner,
                List<LocalDate> sessionDates) {
            return new Proposal(patient, program, practitioner, sessionDates,
                    sessionDates.isEmpty() ? null : sessionDates.get(0), Stage.BOOKING);
        }

        /** The same proposal with other dates (for "earliest start" and re-checks). */
        public Proposal withDates(List<LocalDate> dates) {
            return new Proposal(patient, program, practitioner, dates, dates.isEmpty() ? null : dates.get(0), stage);
        }
    }
}
