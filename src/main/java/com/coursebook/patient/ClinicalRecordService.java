package com.coursebook.patient;

import java.time.LocalDate;
import java.util.List;

import com.coursebook.audit.AuditTrail;
import com.coursebook.catalog.Contraindication;
import com.coursebook.catalog.Contraindications;
import com.coursebook.catalog.TreatmentProgram;
import com.coursebook.catalog.TreatmentPrograms;
import com.coursebook.shared.ClinicClock;
import com.coursebook.catalog.Temporality;
import com.coursebook.shared.InvalidRequestException;
import com.coursebook.shared.NotFoundException;
import com.coursebook.shared.Sex;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What clinicians record about a patient that the rule engine acts on: conditions, examinations and
 * reported period starts. Receptionists can neither record nor read conditions and examinations; they
 * only ever see whether a booking is blocked, and until when. Every change is audited and announced
 * ({@link PatientConditionsChanged}) so booked sessions are checked again in the same transaction.
 */
@Service
@Transactional
public class ClinicalRecordService {

    private final Patients patients;

    private final PatientConditions conditions;

    private final Examinations examinations;

    private final MenstrualPeriods periods;

    private final Contraindications catalog;

    private final TreatmentPrograms programs;

    private final AuditTrail audit;

    private final ApplicationEventPublisher events;

    private final ClinicClock clock;

    ClinicalRecordService(Patients patients, PatientConditions conditions, Examinations examinations,
            MenstrualPeriods periods, Contraindications catalog, TreatmentPrograms programs, AuditTrail audit,
            ApplicationEventPublisher events, ClinicClock clock) {
        this.clock = clock;
        this.patients = patients;
        this.conditions = conditions;
        this.examinations = examinations;
        this.periods = periods;
        this.catalog = catalog;
        this.programs = programs;
        this.audit = audit;
        this.events = events;
    }

    @PreAuthorize("hasRole('CLINICIAN')")
    public PatientCondition recordCondition(Long patientId, ConditionForm form) {
        Patient patient = requirePatient(patientId);
        Contraindication contraindication = catalog.findByCode(form.getCode().strip().toUpperCase(java.util.Locale.ROOT))
                .orElseThrow(() -> new InvalidRequestException("code", "condition.code.unknown", form.getCode()));
        if (!contraindication.admits(patient.getSex())) {
            throw new InvalidRequestException("code", "condition.code.notForSex", form.getCode());
        }
        if (contraindication.getTemporality() == Temporality.PERMANENT && form.getExpectedEnd() != null) {
            // only resolving ends it: a typed date would silently stop it blocking
            throw new InvalidRequestException("expectedEnd", "condition.expectedEnd.untilResolved");
        }
        PatientCondition condition = conditions.saveAndFlush(new PatientCondition(patientId, contraindication,
                form.getOnset(), form.getExpectedEnd(), form.getResolvedOn(), blankToNull(form.getNote()), actor()));
        events.publishEvent(new PatientConditionsChanged(patientId));
        return condition;
    }

    @PreAuthorize("hasRole('CLINICIAN')")
    public PatientCondition resolveCondition(Long patientId, Long conditionId, LocalDate on) {
        PatientCondition condition = condition(patientId, conditionId);
        condition.resolve(on);
        conditions.saveAndFlush(condition);
        events.publishEvent(new PatientConditionsChanged(patientId));
        return condition;
    }

    @PreAuthorize("hasRole('CLINICIAN')")
    public PatientCondition reopenCondition(Long patientId, Long conditionId) {
        PatientCondition condition = condition(patientId, conditionId);
        condition.reopen();
        conditions.saveAndFlush(condition);
        events.publishEvent(new PatientConditionsChanged(patientId));
        return condition;
    }

    @PreAuthorize("hasRole('CLINICIAN')")
    public List<PatientCondition> conditions(Long patientId) {
        requirePatient(patientId);
        audit.record("VIEW", "CONDITIONS", null, patientId, null);
        return conditions.findByPatient(patientId);
    }

    @PreAuthorize("hasRole('CLINICIAN')")
    public List<ConditionView> conditionViews(Long patientId, java.util.Locale locale) {
        return conditions(patientId).stream().map(c -> ConditionView.of(c, locale)).toList();
    }

    @PreAuthorize("hasRole('CLINICIAN')")
    public List<ExaminationView> examinationViews(Long patientId, java.util.Locale locale) {
        return examinations(patientId).stream().map(e -> ExaminationView.of(e, locale)).toList();
    }

    @PreAuthorize("hasRole('CLINICIAN')")
    public Examination recordExamination(Long patientId, ExaminationForm form) {
        requirePatient(patientId);
        TreatmentProgram program = programs.findByCode(form.getProgramCode().strip().toUpperCase(java.util.Locale.ROOT))
                .orElseThrow(() -> new InvalidRequestException("programCode", "examination.program.unknown",
                        form.getProgramCode()));
        Examination examination = examinations.save(new Examination(patientId, program, form.getExaminedOn(),
                form.getCleared(), blankToNull(form.getFindings()), actor()));
        audit.record("CREATE", "EXAMINATION", examination.getId(), patientId,
                program.getCode() + (form.getCleared() ? " cleared" : " not cleared"));
        events.publishEvent(new PatientConditionsChanged(patientId));
        return examination;
    }

    @PreAuthorize("hasRole('CLINICIAN')")
    public List<Examination> examinations(Long patientId) {
        requirePatient(patientId);
        audit.record("VIEW", "EXAMINATIONS", null, patientId, null);
        return examinations.findByPatient(patientId);
    }

    /** A reported period start re-anchors the menstruation forecast. Reception may take this call too. */
    @PreAuthorize("hasAnyRole('CLINICIAN','RECEPTIONIST')")
    public void recordPeriodStart(Long patientId, LocalDate startsOn) {
        Patient patient = requirePatient(patientId);
        if (patient.getSex() != Sex.FEMALE) {
            throw new InvalidRequestException("startsOn", "period.onlyFemale");
        }
        if (startsOn.isAfter(clock.today())) {
            throw new InvalidRequestException("startsOn", "patient.lastPeriodStart.future");
        }
        patient.periodStarted(startsOn); // the chart and the forecast read the same, latest start
        if (!periods.existsByPatientIdAndStartsOn(patientId, startsOn)) {
            periods.save(new MenstrualPeriod(patientId, startsOn, actor()));
            audit.record("CREATE", "MENSTRUAL_PERIOD", null, patientId, "startsOn=" + startsOn);
            events.publishEvent(new PatientConditionsChanged(patientId));
        }
    }

    /** Today in the clinic's zone, for forms that default to it. */
    public LocalDate today() {
        return clock.today();
    }

    @PreAuthorize("hasRole('CLINICIAN')")
    public PatientCondition viewCondition(Long patientId, Long conditionId) {
        PatientCondition condition = condition(patientId, conditionId);
        audit.record("VIEW", "CONDITION", conditionId, patientId, null);
        return condition;
    }

    private PatientCondition condition(Long patientId, Long conditionId) {
        return conditions.findById(conditionId).filter(c -> c.getPatientId().equals(patientId))
                .orElseThrow(() -> new NotFoundException("error.condition.notFound", String.valueOf(conditionId)));
    }

    private Patient requirePatient(Long patientId) {
        return patients.findById(patientId)
                .orElseThrow(() -> new NotFoundException("error.patient.notFound", String.valueOf(patientId)));
    }

    private static String actor() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
