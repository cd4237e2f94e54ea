package com.coursebook.course.web;

import java.util.List;

import com.coursebook.catalog.Catalog;
import com.coursebook.course.CourseQueries;
import com.coursebook.patient.ClinicalRecordService;
import com.coursebook.patient.PatientService;
import com.coursebook.shared.ClinicClock;
import com.coursebook.shared.NotFoundException;
import com.coursebook.support.ScreenSliceTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.hasProperty;
import static org.hamcrest.Matchers.is;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The patient's chart: courses for everyone, the clinical record for clinicians only. */
@ScreenSliceTest(value = PatientChartController.class, properties = ScreenSliceTest.VIEW_NAMES_ONLY)
class PatientChartControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ClinicClock clock;

    @MockitoBean
    PatientService patients;

    @MockitoBean
    ClinicalRecordService records;

    @MockitoBean
    CourseQueries courses;

    @MockitoBean
    Catalog catalog;

    @Test
    @WithMockUser(roles = "RECEPTIONIST")
    @DisplayName("reception sees the patient's courses but no conditions or examinations, which are not even read")
    void reception() throws Exception {
        given(courses.forPatient(eq(7L), any())).willReturn(List.of());
        mvc.perform(get("/patients/7"))
                .andExpect(status().isOk())
                .andExpect(view().name("patient/detail"))
                .andExpect(model().attribute("courses", List.of()))
                .andExpect(model().attributeDoesNotExist("conditions", "examinations", "conditionForm"));
        verify(patients).view(7L);
        verify(records, never()).conditionViews(anyLong(), any());
    }

    @Test
    @WithMockUser(roles = "CLINICIAN")
    @DisplayName("a clinician sees the clinical record, with new-condition and examination forms dated today")
    void clinician() throws Exception {
        given(records.conditionViews(eq(7L), any())).willReturn(List.of());
        var man = man();
        given(patients.view(7L)).willReturn(man);
        mvc.perform(get("/patients/7"))
                .andExpect(status().isOk())
                .andExpect(model().attribute("conditions", List.of()))
                .andExpect(model().attributeExists("examinations", "catalogConditions", "programs"))
                .andExpect(model().attribute("conditionForm", hasProperty("onset", is(clock.today()))))
                .andExpect(model().attribute("examinationForm", hasProperty("examinedOn", is(clock.today()))));
        verify(records).examinationViews(eq(7L), any());
        verify(catalog).contraindicationsFor(eq(com.coursebook.shared.Sex.MALE), any()); // only what can apply to him
    }

    @Test
    @WithMockUser(roles = "CLINICIAN")
    @DisplayName("a refused condition form brought back by flash is shown as typed, not replaced by a blank one")
    void keepsRefusedForm() throws Exception {
        var typed = new com.coursebook.patient.ConditionForm();
        typed.setCode("ACUTE_PROSTATITIS");
        var man = man();
        given(patients.view(7L)).willReturn(man);
        mvc.perform(get("/patients/7").flashAttr("conditionForm", typed))
                .andExpect(model().attribute("conditionForm", hasProperty("code", is("ACUTE_PROSTATITIS"))))
                .andExpect(model().attribute("conditionForm", hasProperty("onset", is((Object) null))));
    }

    @Test
    @WithMockUser(roles = "RECEPTIONIST")
    @DisplayName("a patient who does not exist is a not-found page")
    void unknownPatient() throws Exception {
        given(patients.view(404L)).willThrow(new NotFoundException("error.patient.notFound", "404"));
        mvc.perform(get("/patients/404")).andExpect(status().isNotFound());
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    @DisplayName("an admin cannot open a patient's chart")
    void adminForbidden() throws Exception {
        mvc.perform(get("/patients/7")).andExpect(status().isForbidden());
    }

    private static com.coursebook.patient.Patient man() {
        var patient = org.mockito.Mockito.mock(com.coursebook.patient.Patient.class);
        given(patient.getSex()).willReturn(com.coursebook.shared.Sex.MALE);
        given(patient.getId()).willReturn(7L);
        return patient;
    }
}
