package com.coursebook.patient.web;

import com.coursebook.patient.ClinicalRecordService;
import com.coursebook.patient.ConditionForm;
import com.coursebook.patient.ConditionView;
import com.coursebook.patient.ExaminationForm;
import com.coursebook.patient.ExaminationView;
import com.coursebook.patient.Examinations;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Conditions, examinations and period starts of a patient. Clinicians only, except period starts. */
@RestController
@RequestMapping("/api/patients/{patientId}")
class ClinicalRecordApiController {

    private final ClinicalRecordService records;

    ClinicalRecordApiController(ClinicalRecordService records) {
        this.records = records;
    }

    @PostMapping("/conditions")
    ResponseEntity<ConditionView> recordCondition(@PathVariable Long patientId, @Valid @RequestBody ConditionForm form,
            Locale locale) {
        ConditionView view = ConditionView.of(records.recordCondition(patientId, form), locale);
        return ResponseEntity.created(URI.create("/api/patients/" + patientId + "/conditions/" + view.id())).body(view);
    }

    @GetMapping("/conditions")
    List<ConditionView> conditions(@PathVariable Long patientId, Locale locale) {
        return records.conditions(patientId).stream().map(c -> ConditionView.of(c, locale)).toList();
    }

    @GetMapping("/conditions/{conditionId}")
    ConditionView condition(@PathVariable Long patientId, @PathVariable Long conditionId, Locale locale) {
        return ConditionView.of(records.viewCondition(patientId, conditionId), locale);
    }

    @PostMapping("/conditions/{conditionId}/resolve")
    ConditionView resolve(@PathVariable Long patientId, @PathVariable Long conditionId,
            @Valid @RequestBody Resolution resolution, Locale locale) {
        return ConditionView.of(records.resolveCondition(patientId, conditionId, resolution.resolvedOn()), locale);
    }

    @PostMapping("/conditions/{conditionId}/reopen")
    ConditionView reopen(@PathVariable Long patientId, @PathVariable Long conditionId, Locale locale) {
        return ConditionView.of(records.reopenCondition(patientId, conditionId), locale);
    }

    @PostMapping("/examinations")
    ResponseEntity<ExaminationView> recordExamination(@PathVariable Long patientId,
            @Valid @RequestBody ExaminationForm form, Locale locale) {
        ExaminationView view = ExaminationView.of(records.recordExamination(patientId, form), locale);
        // Examinations are read as the patient's list; there is no page for one alone.
        return ResponseEntity.status(org.springframework.http.HttpStatus.CREATED).body(view);
    }

    @GetMapping("/examinations")
    List<ExaminationView> examinations(@PathVariable Long patientId, Locale locale) {
        return records.examinations(patientId).stream().map(e -> ExaminationView.of(e, locale)).toList();
    }

    @PostMapping("/periods")
    ResponseEntity<Void> recordPeriod(@PathVariable Long patientId, @Valid @RequestBody PeriodStart period) {
        records.recordPeriodStart(patientId, period.startsOn());
        return ResponseEntity.noContent().build();
    }

    record Resolution(@NotNull(message = "{condition.resolvedOn.required}") LocalDate resolvedOn) {
    }

    record PeriodStart(@NotNull(message = "{period.startsOn.required}") LocalDate startsOn) {
    }
}
