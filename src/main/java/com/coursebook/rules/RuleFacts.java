package com.coursebook.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import com.coursebook.catalog.Contraindication;
import com.coursebook.catalog.Contraindications;
import com.coursebook.catalog.Severity;
import com.coursebook.catalog.Temporality;
import com.coursebook.catalog.TreatmentProgram;
import com.coursebook.patient.Examinations;
import com.coursebook.patient.MenstrualPeriods;
import com.coursebook.patient.Patient;
import com.coursebook.patient.PatientCondition;
import com.coursebook.patient.PatientConditions;
import com.coursebook.scheduling.Practitioner;
import com.coursebook.scheduling.WorkingBreaks;
import com.coursebook.scheduling.WorkingHoursRepository;
import com.coursebook.shared.Sex;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads what the rules need from the database, fresh on every call, so a catalog edit or a condition
 * recorded a moment ago counts at once. Rules themselves never touch the database.
 */
@Component
public class RuleFacts {

    private final PatientConditions conditions;

    private final Examinations examinations;

    private final MenstrualPeriods periods;

    private final Contraindications catalog;

    private final WorkingHoursRepository workingHours;

    private final WorkingBreaks breaks;

    RuleFacts(PatientConditions conditions, Examinations examinations, MenstrualPeriods periods,
            Contraindications catalog, WorkingHoursRepository workingHours, WorkingBreaks breaks) {
        this.workingHours = workingHours;
        this.breaks = breaks;
        this.conditions = conditions;
        this.examinations = examinations;
        this.periods = periods;
        this.catalog = catalog;
    }

    @Transactional(readOnly = true)
    public Facts.Patient patient(Patient patient, TreatmentProgram program) {
        List<Facts.Condition> applicable = conditions.findByPatient(patient.getId()).stream()
                .filter(c -> c.getContraindication().appliesTo(program))
                .map(RuleFacts::condition)
                .toList();
        Facts.Cycle cycle = patient.getSex() == Sex.FEMALE
                ? new Facts.Cycle(patient.getLastPeriodStart(), patient.getCycleLengthDays(),
                        patient.getPeriodLengthDays(), periods.findStarts(patient.getId()))
                : null;
        List<Facts.Examination> exams = examinations.findByPatient(patient.getId()).stream()
                .filter(e -> e.getProgram().getCode().equals(program.getCode()))
                .map(e -> new Facts.Examination(e.getExaminedOn(), e.isCleared()))
                .toList();
        return new Facts.Patient(patient.getId(), patient.getSex(), applicable, cycle, exams);
    }

    @Transactional(readOnly = true)
    public Facts.Program program(TreatmentProgram program) {
        Severity menstruation = catalog.findAllWithPrograms().stream()
                .filter(c -> c.getTemporality() == Temporality.RECURRING && c.appliesTo(program))
                .map(Contraindication::getSeverity)
                .min(Enum::compareTo) // ABSOLUTE before RELATIVE: the stricter one wins
                .orElse(null);
        return new Facts.Program(program.getCode(), program.getName(), program.getEligibleSex(),
                program.getMinSessions(), program.getMaxSessions(), program.getMinGapDays(), program.getMaxPerWeek(),
                program.isRequiresExamination(), program.getExaminationValidDays(),
                program.isExaminationBlocksBooking(), menstruation);
    }

    /** The practitioner's qualifications and working week. */
    @Transactional(readOnly = true)
    public Facts.Practitioner practitioner(Practitioner practitioner) {
        Facts.Week week = new Facts.Week(
                workingHours.findWeek(practitioner.getId()).stream()
                        .map(h -> new Facts.Weekly(h.getDayOfWeek(), h.getStartsAt(), h.getEndsAt())).toList(),
                breaks.findWeek(practitioner.getId()).stream()
                        .map(b -> new Facts.Weekly(b.getDayOfWeek(), b.getStartsAt(), b.getEndsAt())).toList());
        return new Facts.Practitioner(practitioner.getId(), practitioner.getFullName(),
                practitioner.getPrograms().stream().map(TreatmentProgram::getCode).collect(Collectors.toSet()), week);
    }

    /** Everything the rules need about given session dates of a patient, program and practitioner. */
    @Transactional(readOnly = true)
    public Facts.Proposal proposal(Patient patient, TreatmentProgram program, Practitioner practitioner,
            List<LocalDate> dates, LocalDate courseStart, Stage stage) {
        return new Facts.Proposal(patient(patient, program), program(program), practitioner(practitioner), dates,
                courseStart, stage);
    }

    private static Facts.Condition condition(PatientCondition c) {
        Contraindication k = c.getContraindication();
        return new Facts.Condition(c.getId(), k.getCode(), k.getName(), k.getSeverity(), k.getTemporality(),
                k.getWindowDays(), c.getOnset(), c.getExpectedEnd(), c.getResolvedOn());
    }
}
