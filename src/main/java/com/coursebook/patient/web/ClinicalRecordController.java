package com.coursebook.patient.web;

import com.coursebook.shared.ReturnsTo;
import com.coursebook.shared.Forms;
import com.coursebook.patient.ClinicalRecordService;
import com.coursebook.patient.ConditionForm;
import com.coursebook.patient.ExaminationForm;
import java.time.LocalDate;

import jakarta.validation.Valid;


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

    private static final String CONDITIONS = "/patients/{patientId}#conditions";

    private final ClinicalRecordService records;

    ClinicalRecordController(ClinicalRecordService records) {
        this.records = records;
    }

    @PostMapping("/conditions")
    String recordCondition(@PathVariable Long patientId, @Valid @ModelAttribute("conditionForm") ConditionForm form,
            BindingResult result, RedirectAttributes redirect) {
        if (Forms.accepted(result, () -> records.recordCondition(patientId, form))) {
            redirect.addFlashAttribute("message", "condition.recorded");
            return chart(patientId);
        }
        redirect.addFlashAttribute("conditionForm", form);
        redirect.addFlashAttribute(BINDING + "conditionForm", result);
        return chart(patientId) + "#conditions";
    }

    @PostMapping("/conditions/{conditionId}/resolve")
    @ReturnsTo(CONDITIONS)
    String resolve(@PathVariable Long patientId, @PathVariable Long conditionId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate resolvedOn,
            RedirectAttributes redirect) {
        records.resolveCondition(patientId, conditionId, resolvedOn == null ? records.today() : resolvedOn);
        redirect.addFlashAttribute("message", "condition.resolved");
        return chart(patientId) + "#conditions";
    }

    @PostMapping("/conditions/{conditionId}/reopen")
    @ReturnsTo(CONDITIONS)
    String reopen(@PathVariable Long patientId, @PathVariable Long conditionId, RedirectAttributes redirect) {
        records.reopenCondition(patientId, conditionId);
        redirect.addFlashAttribute("message", "condition.reopened");
        return chart(patientId) + "#conditions";
    }

    @PostMapping("/examinations")
    String recordExamination(@PathVariable Long patientId,
            @Valid @ModelAttribute("examinationForm") ExaminationForm form, BindingResult result,
            RedirectAttributes redirect) {
        if (Forms.accepted(result, () -> records.recordExamination(patientId, form))) {
            redirect.addFlashAttribute("message", "examination.recorded");
            return chart(patientId);
        }
        redirect.addFlashAttribute("examinationForm", form);
        redirect.addFlashAttribute(BINDING + "examinationForm", result);
        return chart(patientId) + "#examinations";
    }

    @PostMapping("/periods")
    @ReturnsTo("/patients/{patientId}")
    String recordPeriod(@PathVariable Long patientId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
            RedirectAttributes redirect) {
        if (startsOn == null) {
            redirect.addFlashAttribute("problem", "period.startsOn.required");
            return chart(patientId);
        }
        records.recordPeriodStart(patientId, startsOn);
        redirect.addFlashAttribute("message", "period.recorded");
        return chart(patientId);
    }

    private static String chart(Long patientId) {
        return "redirect:/patients/" + patientId;
    }
}
