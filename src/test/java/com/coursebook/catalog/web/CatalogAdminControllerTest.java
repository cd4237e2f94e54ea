package com.coursebook.catalog.web;

import java.util.List;

import com.coursebook.catalog.Catalog;
import com.coursebook.catalog.CatalogAdministration;
import com.coursebook.catalog.ContraindicationDetails;
import com.coursebook.catalog.ContraindicationForm;
import com.coursebook.catalog.ProgramForm;
import com.coursebook.catalog.Severity;
import com.coursebook.catalog.Temporality;
import com.coursebook.shared.ConflictException;
import com.coursebook.shared.InvalidRequestException;
import com.coursebook.support.ScreenSliceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The admin's catalog forms: the row named by the URL, validation, the service's refusals, roles. */
@ScreenSliceTest(value = CatalogAdminController.class, properties = ScreenSliceTest.VIEW_NAMES_ONLY)
class CatalogAdminControllerTest {

    static final ContraindicationDetails FEVER = new ContraindicationDetails("FEVER", "Fever", "Лихорадка",
            Temporality.EPISODIC, Severity.ABSOLUTE, null, true, List.of("PROSTATE"), 6L);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Catalog catalog;

    @MockitoBean
    CatalogAdministration administration;

    @BeforeEach
    void fever() {
        given(catalog.contraindicationDetails("FEVER")).willReturn(FEVER);
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    @DisplayName("the edit form starts from the contraindication's current values and version")
    void edit() throws Exception {
        mvc.perform(get("/admin/catalog/contraindications/FEVER"))
                .andExpect(status().isOk())
                .andExpect(view().name("catalog/contraindication-form"))
                .andExpect(model().attribute("contraindication", FEVER))
                .andExpect(model().attribute("contraindicationForm", hasProperty("severity", is(Severity.ABSOLUTE))))
                .andExpect(model().attribute("contraindicationForm", hasProperty("version", is(6L))));
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    @DisplayName("a revision is saved for the code in the URL, even if the form posts another code")
    void revise() throws Exception {
        mvc.perform(post("/admin/catalog/contraindications/FEVER").with(csrf()).param("code", "PREGNANCY")
                        .param("severity", "RELATIVE").param("active", "true").param("programs", "PROSTATE")
                        .param("version", "6"))
                .andExpect(redirectedUrl("/catalog"))
                .andExpect(flash().attribute("message", "catalog.contraindication.saved"));
        ArgumentCaptor<ContraindicationForm> form = ArgumentCaptor.forClass(ContraindicationForm.class);
        verify(administration).reviseContraindication(eq("FEVER"), form.capture());
        assertThat(form.getValue().getSeverity()).isEqualTo(Severity.RELATIVE);
        assertThat(form.getValue().getVersion()).isEqualTo(6L);
        verify(administration, never()).reviseContraindication(eq("PREGNANCY"), any());
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    @DisplayName("a revision without severity or version is shown again with those fields marked")
    void invalid() throws Exception {
        mvc.perform(post("/admin/catalog/contraindications/FEVER").with(csrf()).param("active", "true")
                        .param("windowDays", "0"))
                .andExpect(status().isOk())
                .andExpect(view().name("catalog/contraindication-form"))
                .andExpect(model().attributeHasFieldErrors("contraindicationForm", "severity", "version",
                        "windowDays"))
                .andExpect(model().attribute("contraindication", FEVER));
        verify(administration, never()).reviseContraindication(any(), any());
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    @DisplayName("a revision someone else saved first is shown again with the reason")
    void stale() throws Exception {
        given(administration.reviseContraindication(eq("FEVER"), any()))
                .willThrow(new ConflictException("catalog.stale"));
        mvc.perform(post("/admin/catalog/contraindications/FEVER").with(csrf()).param("severity", "RELATIVE")
                        .param("active", "true").param("version", "5"))
                .andExpect(status().isOk())
                .andExpect(view().name("catalog/contraindication-form"))
                .andExpect(model().attributeHasErrors("contraindicationForm"))
                .andExpect(result -> assertThat(((org.springframework.validation.BindingResult) result
                        .getModelAndView().getModel()
                        .get("org.springframework.validation.BindingResult.contraindicationForm")).getGlobalError()
                        .getCode()).isEqualTo("catalog.stale"));
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    @DisplayName("a program revision the service refuses is marked at the field it names")
    void programRefused() throws Exception {
        given(administration.reviseProgram(eq("PROSTATE"), any()))
                .willThrow(new InvalidRequestException("minSessions", "catalog.sessions.order"));
        mvc.perform(post("/admin/catalog/programs/PROSTATE").with(csrf()).param("defaultSessions", "10")
                        .param("minSessions", "12").param("maxSessions", "15").param("cadenceDays", "2")
                        .param("minGapDays", "1").param("maxPerWeek", "3").param("slotMinutes", "30")
                        .param("requiresExamination", "false").param("examinationValidDays", "30")
                        .param("examinationBlocksBooking", "false").param("active", "true").param("version", "2")
                        .param("preparationEn", "Empty the bladder").param("preparationRu", "Опорожнить пузырь")
                        .param("aftercareEn", "Drink water").param("aftercareRu", "Пить воду"))
                .andExpect(status().isOk())
                .andExpect(view().name("catalog/program-form"))
                .andExpect(model().attributeHasFieldErrorCode("programForm", "minSessions", "catalog.sessions.order"));
        verify(catalog).programDetails("PROSTATE");
    }

    @Test
    @WithMockUser(roles = "CLINICIAN")
    @DisplayName("only an admin may change the catalog")
    void clinicianForbidden() throws Exception {
        mvc.perform(get("/admin/catalog/contraindications/FEVER")).andExpect(status().isForbidden());
        mvc.perform(post("/admin/catalog/programs/PROSTATE").with(csrf()).param("defaultSessions", "10"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(administration);
    }
}
