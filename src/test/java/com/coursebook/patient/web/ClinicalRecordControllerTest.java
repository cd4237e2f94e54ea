package com.coursebook.patient.web;

import java.time.LocalDate;

import com.coursebook.patient.ClinicalRecordService;
import com.coursebook.patient.ConditionForm;
import com.coursebook.shared.ConflictException;
import com.coursebook.shared.InvalidRequestException;
import com.coursebook.support.ScreenSliceTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.validation.BindingResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasProperty;
import static org.hamcrest.Matchers.is;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The chart's clinical forms: each returns to the chart, a refused one with its errors and what was typed. */
@ScreenSliceTest(ClinicalRecordController.class)
class ClinicalRecordControllerTest {

    private static final String BINDING = "org.springframework.validation.BindingResult.";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ClinicalRecordService records;

    @Test
    @WithMockUser(roles = "CLINICIAN")
    @DisplayName("a condition is recorded for the patient in the URL with what was typed")
    void recordCondition() throws Exception {
        mvc.perform(post("/patients/7/conditions").with(csrf()).param("code", "ACUTE_PROSTATITIS")
                        .param("onset", "2026-11-20").param("expectedEnd", "2026-12-04"))
                .andExpect(redirectedUrl("/patients/7"))
                .andExpect(flash().attribute("message", "condition.recorded"));
        ArgumentCaptor<ConditionForm> form = ArgumentCaptor.forClass(ConditionForm.class);
        verify(records).recordCondition(eq(7L), form.capture());
        assertThat(form.getValue().getCode()).isEqualTo("ACUTE_PROSTATITIS");
        assertThat(form.getValue().getOnset()).isEqualTo(LocalDate.of(2026, 11, 20));
    }

    @Test
    @WithMockUser(roles = "CLINICIAN")
    @DisplayName("a condition without code or onset goes back to the chart's form with the errors and values")
    void invalidCondition() throws Exception {
        mvc.perform(post("/patients/7/conditions").with(csrf()).param("note", "since Monday"))
                .andExpect(redirectedUrl("/patients/7#conditions"))
                .andExpect(flash().attribute("conditionForm", hasProperty("note", is("since Monday"))))
                .andExpect(result -> {
                    BindingResult errors = (BindingResult) result.getFlashMap().get(BINDING + "conditionForm");
                    assertThat(errors.getFieldErrors()).extracting("field").containsExactlyInAnyOrder("code", "onset");
                });
        verify(records, never()).recordCondition(any(), any());
    }

    @Test
    @WithMockUser(roles = "CLINICIAN")
    @DisplayName("a condition code the catalog does not know is marked at the code field")
    void unknownCode() throws Exception {
        given(records.recordCondition(eq(7L), any()))
                .willThrow(new InvalidRequestException("code", "condition.code.unknown", "NOPE"));
        mvc.perform(post("/patients/7/conditions").with(csrf()).param("code", "NOPE").param("onset", "2026-11-20"))
                .andExpect(redirectedUrl("/patients/7#conditions"))
                .andExpect(result -> {
                    BindingResult errors = (BindingResult) result.getFlashMap().get(BINDING + "conditionForm");
                    assertThat(errors.getFieldError("code").getCode()).isEqualTo("condition.code.unknown");
                });
    }

    @Test
    @WithMockUser(roles = "CLINICIAN")
    @DisplayName("resolving a condition on a given day passes that day")
    void resolve() throws Exception {
        mvc.perform(post("/patients/7/conditions/3/resolve").with(csrf()).param("resolvedOn", "2026-11-30"))
                .andExpect(redirectedUrl("/patients/7#conditions"))
                .andExpect(flash().attribute("message", "condition.resolved"));
        verify(records).resolveCondition(7L, 3L, LocalDate.of(2026, 11, 30));
    }

    @Test
    @WithMockUser(roles = "CLINICIAN")
    @DisplayName("reopening a condition the record refuses comes back to the conditions with the reason")
    void reopenRefused() throws Exception {
        given(records.reopenCondition(7L, 3L)).willThrow(new ConflictException("condition.notResolved", 3L));
        mvc.perform(post("/patients/7/conditions/3/reopen").with(csrf()))
                .andExpect(redirectedUrl("/patients/7#conditions"))
                .andExpect(flash().attribute("problem", "condition.notResolved"))
                .andExpect(flash().attribute("message", (Object) null));
    }

    @Test
    @WithMockUser(roles = "CLINICIAN")
    @DisplayName("an examination without a verdict goes back to its form with the error")
    void invalidExamination() throws Exception {
        mvc.perform(post("/patients/7/examinations").with(csrf()).param("programCode", "PROSTATE")
                        .param("examinedOn", "2026-11-30"))
                .andExpect(redirectedUrl("/patients/7#examinations"))
                .andExpect(result -> {
                    BindingResult errors = (BindingResult) result.getFlashMap().get(BINDING + "examinationForm");
                    assertThat(errors.getFieldErrors()).extracting("field").containsExactly("cleared");
                });
        verify(records, never()).recordExamination(any(), any());
    }

    @Test
    @WithMockUser(roles = "CLINICIAN")
    @DisplayName("a period start is recorded; cycle data the record refuses comes back to the chart with the reason")
    void period() throws Exception {
        mvc.perform(post("/patients/7/periods").with(csrf()).param("startsOn", "2026-11-25"))
                .andExpect(redirectedUrl("/patients/7"))
                .andExpect(flash().attribute("message", "period.recorded"));
        verify(records).recordPeriodStart(7L, LocalDate.of(2026, 11, 25));

        org.mockito.BDDMockito.willThrow(new InvalidRequestException("startsOn", "period.male"))
                .given(records).recordPeriodStart(8L, LocalDate.of(2026, 11, 25));
        mvc.perform(post("/patients/8/periods").with(csrf()).param("startsOn", "2026-11-25"))
                .andExpect(redirectedUrl("/patients/8"))
                .andExpect(flash().attribute("problem", "period.male"));
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    @DisplayName("an admin cannot write a patient's clinical record (reception is refused by the service itself)")
    void adminForbidden() throws Exception {
        mvc.perform(post("/patients/7/conditions").with(csrf()).param("code", "FEVER").param("onset", "2026-11-20"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(records);
    }
}
