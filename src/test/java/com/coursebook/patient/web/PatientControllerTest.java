package com.coursebook.patient.web;

import com.coursebook.support.ScreenSliceTest;
import com.coursebook.patient.Patient;
import com.coursebook.patient.PatientService;
import com.coursebook.patient.PatientSummary;
import com.coursebook.patient.web.PatientController;
import java.time.LocalDate;
import java.util.List;

import com.coursebook.patient.PatientService.Registration;
import com.coursebook.shared.Sex;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The patient screens alone: binding, validation messages, redirects, roles. The service is stood in for. */
@ScreenSliceTest(PatientController.class)
class PatientControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PatientService patients;

    @Test
    @WithMockUser(roles = "RECEPTIONIST")
    @DisplayName("an incomplete form is shown again with a message at each field, and nothing is registered")
    void invalidForm() throws Exception {
        mvc.perform(post("/patients").with(csrf()).param("givenName", "Ivan").param("birthDate", "2999-01-01")
                        .param("lastPeriodStart", "2099-01-01"))
                .andExpect(status().isOk())
                .andExpect(view().name("patient/form"))
                .andExpect(model().attributeHasFieldErrors("patientForm", "familyName", "birthDate", "sex",
                        "lastPeriodStart"))
                .andExpect(content().string(containsString("Enter the family name.")))
                .andExpect(content().string(containsString("The last period cannot start in the future.")))
                .andExpect(content().string(containsString("value=\"Ivan\"")));
        verify(patients, never()).register(any());
    }

    @Test
    @WithMockUser(roles = "RECEPTIONIST")
    @DisplayName("a possible duplicate is pointed out before saving, with a way to confirm")
    void duplicateWarning() throws Exception {
        given(patients.register(any())).willReturn(Registration.possibleDuplicates(List.of(new PatientSummary(5L,
                "CB-001005", "Orlov Ivan", LocalDate.of(1975, 3, 2), Sex.MALE, null))));
        mvc.perform(post("/patients").with(csrf()).param("givenName", "Ivan").param("familyName", "Orlov")
                        .param("birthDate", "1975-03-02").param("sex", "MALE"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("already registered")))
                .andExpect(content().string(containsString("confirmDuplicate")))
                .andExpect(content().string(containsString("/patients/5")));
    }

    @Test
    @WithMockUser(roles = "RECEPTIONIST")
    @DisplayName("a valid registration redirects to the new patient's page")
    void registered() throws Exception {
        Patient patient = org.mockito.Mockito.mock(Patient.class);
        given(patient.getId()).willReturn(42L);
        given(patients.register(any())).willReturn(Registration.registered(patient));
        mvc.perform(post("/patients").with(csrf()).param("givenName", "Ivan").param("familyName", "Orlov")
                        .param("birthDate", "1975-03-02").param("sex", "MALE").param("phone", "+7 900 123-45-67"))
                .andExpect(redirectedUrl("/patients/42"));
    }

    @Test
    @WithMockUser(roles = "RECEPTIONIST")
    @DisplayName("a form without the CSRF token is refused: not registered, the sign-in page says the session ended")
    void csrfRequired() throws Exception {
        mvc.perform(post("/patients").param("givenName", "Ivan")).andExpect(redirectedUrl("/login?ended"));
        verify(patients, never()).register(any());
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    @DisplayName("an admin cannot open the patient registry")
    void adminForbidden() throws Exception {
        mvc.perform(get("/patients")).andExpect(status().isForbidden());
    }

    @Test
    @DisplayName("an anonymous visitor is sent to the login page")
    void anonymous() throws Exception {
        mvc.perform(get("/patients")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    @WithMockUser(roles = "RECEPTIONIST")
    @DisplayName("search results escape what was typed")
    void escapesQuery() throws Exception {
        given(patients.search(any())).willReturn(List.of());
        mvc.perform(get("/patients").param("q", "<script>alert(1)</script>"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<script>alert(1)</script>"))))
                .andExpect(content().string(containsString("&lt;script&gt;")));
    }
}
