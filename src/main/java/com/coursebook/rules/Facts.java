package com.coursebook.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
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

    /** @param week the weekly working hours and breaks; {@link Week#UNRECORDED} when none are recorded */
    public record Practitioner(Long id, String name, Set<String> programCodes, Week week) {

        public Practitioner {
            programCodes = Set.copyOf(programCodes);
        }

        public Practitioner(Long id, String name, Set<String> programCodes) {
            this(id, name, programCodes, Week.UNRECORDED);
        }
    }

    /** A weekly period: working hours or a break on one day of the week. */
    public record Weekly(DayOfWeek day, LocalTime startsAt, LocalTime endsAt) {
    }

    /** A practitioner's working week; with no hours recorded, any time counts as working time. */
    public record Week(List<Weekly> hours, List<Weekly> breaks) {

        public static final Week UNRECORDED = new Week(List.of(), List.of());

        public Week {
            hours = List.copyOf(hours);
            breaks = List.copyOf(breaks);
        }

        /** Inside working hours of its day and clear of every break; always true when no hours are recorded. */
        public boolean covers(Visit visit) {
            LocalDateTime start = visit.startsAt();
            LocalDateTime end = visit.endsAt();
            return hours.isEmpty() || start.toLocalDate().equals(end.toLocalDate())
                    && hours.stream().anyMatch(h -> h.day() == start.getDayOfWeek()
                            && !start.toLocalTime().isBefore(h.startsAt()) && !end.toLocalTime().isAfter(h.endsAt()))
                    && breaks.stream().noneMatch(b -> b.day() == start.getDayOfWeek()
                            && start.toLocalTime().isBefore(b.endsAt()) && end.toLocalTime().isAfter(b.startsAt()));
        }
    }

    /** A session's time on the clinic's wall clock. */
    public record Visit(LocalDateTime startsAt, LocalDateTime endsAt) {
    }

    /**
     * What to check: proposed session dates (in course order) for a patient, program and practitioner.
     *
     * @param courseStart the date of the course's first session (equals the first date when booking)
     * @param visits      the sessions' times, in the same order, where they are known (empty: dates only)
     */
    public record Proposal(Patient patient, Program program, Practitioner practitioner, List<LocalDate> sessionDates,
            LocalDate courseStart, Stage stage, List<Visit> visits) {

        public Proposal {
            sessionDates = List.copyOf(sessionDates);
            visits = List.copyOf(visits);
            if (!visits.isEmpty() && visits.size() != sessionDates.size()) {
                throw new IllegalArgumentException("A time for every session date, or none");
            }
        }

        public Proposal(Patient patient, Program program, Practitioner practitioner, List<LocalDate> sessionDates,
                LocalDate courseStart, Stage stage) {
            this(patient, program, practitioner, sessionDates, courseStart, stage, List.of());
        }

        public static Proposal booking(Patient patient, Program program, Practitioner practitioner,
                List<LocalDate> sessionDates) {
            return new Proposal(patient, program, practitioner, sessionDates,
                    sessionDates.isEmpty() ? null : sessionDates.get(0), Stage.BOOKING);
        }

        /** The same proposal with other dates (for "earliest start"), each session keeping its time of day. */
        public Proposal withDates(List<LocalDate> dates) {
            List<Visit> moved = visits.size() != dates.size() ? List.of()
                    : java.util.stream.IntStream.range(0, dates.size()).mapToObj(i -> new Visit(
                            dates.get(i).atTime(visits.get(i).startsAt().toLocalTime()),
                            dates.get(i).atTime(visits.get(i).startsAt().toLocalTime()).plus(java.time.Duration
                                    .between(visits.get(i).startsAt(), visits.get(i).endsAt()))))
                            .toList();
            return new Proposal(patient, program, practitioner, dates, dates.isEmpty() ? null : dates.get(0), stage,
                    moved);
        }

        /** The same proposal with the sessions' times, for the working-hours rule. */
        public Proposal withVisits(List<Visit> times) {
            return new Proposal(patient, program, practitioner, sessionDates, courseStart, stage, times);
        }
    }
}
