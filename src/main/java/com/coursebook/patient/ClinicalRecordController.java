package com.coursebook.patient;

import java.time.LocalDate;

import jakarta.validation.Valid;

import com.coursebook.shared.ConflictException;
import com.coursebook.shared.InvalidRequestException;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The chart's clinical forms. Each posts, then returns to the chart; a refused form travels back with its
 * errors and values (flash attributes), so nothing typed is lost.
 */
@Controller
@RequestMapping("/patients/{patientId}")
class ClinicalRecordController {

    private static final String BINDING = "org.springframework.validation.BindingResult.";

    private final ClinicalRecordService records;

    ClinicalRecordController(ClinicalRecordService records) {
        this.records = records;
    }

    @PostMapping("/conditions")
    String recordCondition(@PathVariable Long patientId, @Valid @ModelAttribute("conditionForm") ConditionForm form,
            BindingResult result, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                records.recordCondition(patientId, form);
                redirect.addFlashAttribute("message", "condition.recorded");
                return chart(patientId);
            }
            catch (InvalidRequestException ex) {
                result.rejectValue(ex.field(), ex.messageCode(), ex.arguments(), null);
            }
            catch (ConflictException ex) {
                result.reject(ex.messageCode(), ex.arguments(), null);
            }
        }
        redirect.addFlashAttribute("conditionForm", form);
        redirect.addFlashAttribute(BINDING + "conditionForm", result);
        return chart(patientId) + "#conditions";
    }

    @PostMapping("/conditions/{conditionId}/resolve")
    String resolve(@PathVariable Long patientId, @PathVariable Long conditionId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate resolvedOn,
            RedirectAttributes redirect) {
        try {
            records.resolveCondition(patientId, conditionId, resolvedOn == null ? records.today() : resolvedOn);
            redirect.addFlashAttribute("message", "condition.resolved");
        }
        catch (ConflictException ex) {
            redirect.addFlashAttribute("problem", ex.messageCode());
            redirect.addFlashAttribute("problemArgs", ex.arguments());
        }
        return chart(patientId) + "#conditions";
    }

    @PostMapping("/conditions/{conditionId}/reopen")
    String reopen(@PathVariable Long patientId, @PathVariable Long conditionId, RedirectAttributes redirect) {
        try {
            records.reopenCondition(patientId, conditionId);
            redirect.addFlashAttribute("message", "condition.reopened");
        }
        catch (ConflictException ex) {
            redirect.addFlashAttribute("problem", ex.messageCode());
            redirect.addFlashAttribute("problemArgs", ex.arguments());
        }
        return chart(patientId) + "#conditions";
    }

    @PostMapping("/examinations")
    String recordExamination(@PathVariable Long patientId,
            @Valid @ModelAttribute("examinationForm") ExaminationForm form, BindingResult result,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                records.recordExamination(patientId, form);
                redirect.addFlashAttribute("message", "examination.recorded");
                return chart(patientId);
            }
            catch (InvalidRequestException ex) {
                result.rejectValue(ex.field(), ex.messageCode(), ex.arguments(), null);
            }
        }
        redirect.addFlashAttribute("examinationForm", form);
        redirect.addFlashAttribute(BINDING + "examinationForm", result);
        return chart(patientId) + "#examinations";
    }

    @PostMapping("/periods")
    String recordPeriod(@PathVariable Long patientId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
            RedirectAttributes redirect) {
        if (startsOn == null) {
            redirect.addFlashAttribute("problem", "period.startsOn.required");
            return chart(patientId);
        }
        try {
            records.recordPeriodStart(patientId, startsOn);
            redirect.addFlashAttribute("message", "period.recorded");
        }
        catch (InvalidRequestException ex) {
            redirect.addFlashAttribute("problem", ex.messageCode());
            redirect.addFlashAttribute("problemArgs", ex.arguments());
        }
        return chart(patientId);
    }

    private static String chart(Long patientId) {
        return "redirect:/patients/" + patientId;
    }
}
