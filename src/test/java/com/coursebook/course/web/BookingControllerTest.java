package com.coursebook.course.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import com.coursebook.catalog.Catalog;
import com.coursebook.catalog.Catalog.ProgramView;
import com.coursebook.catalog.EligibleSex;
import com.coursebook.catalog.Specialty;
import com.coursebook.course.CourseBooking;
import com.coursebook.course.CourseRequest;
import com.coursebook.course.Decision;
import com.coursebook.patient.Patient;
import com.coursebook.patient.PatientService;
import com.coursebook.scheduling.Practitioners;
import com.coursebook.shared.ClinicClock;
import com.coursebook.shared.InvalidRequestException;
import com.coursebook.shared.Sex;
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
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** Booking a course from the chart: the form's defaults, binding into the request, refusals shown on the form. */
@ScreenSliceTest(value = BookingController.class, properties = ScreenSliceTest.VIEW_NAMES_ONLY)
class BookingControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ClinicClock clock;

    @MockitoBean
    CourseBooking booking;

    @MockitoBean
    PatientService patients;

    @MockitoBean
    Catalog catalog;

    @MockitoBean
    Practitioners practitioners;

    @Autowired
    com.coursebook.course.DecisionRenderer decisions;

    static final ProgramView PROSTATE = program("PROSTATE", EligibleSex.MALE, true);

    static final ProgramView BLADDER = program("BLADDER", EligibleSex.ANY, true);

    @BeforeEach
    void malePatient() {
        Patient patient = mock(Patient.class);
        given(patient.getSex()).willReturn(Sex.MALE);
        given(patients.view(7L)).willReturn(patient);
        given(catalog.programs(any())).willReturn(List.of(PROSTATE,
                program("GYN_MASSAGE", EligibleSex.FEMALE, true), program("OLD", EligibleSex.ANY, false), BLADDER));
    }

    @Test
    @WithMockUser(roles = "RECEPTIONIST")
    @DisplayName("the new-course form starts tomorrow at ten and offers only active programs for the patient's sex")
    void newForm() throws Exception {
        mvc.perform(get("/patients/7/courses/new"))
                .andExpect(status().isOk())
                .andExpect(view().name("course/form"))
                .andExpect(model().attribute("courseForm", hasProperty("firstDate", is(clock.today().plusDays(1)))))
                .andExpect(model().attribute("courseForm", hasProperty("time", is(LocalTime.of(10, 0)))))
                .andExpect(model().attribute("programs", List.of(PROSTATE, BLADDER)));
    }

    @Test
    @WithMockUser(roles = "RECEPTIONIST")
    @DisplayName("a check without program or date shows the form again with those fields marked, and checks nothing")
    void invalidCheck() throws Exception {
        mvc.perform(post("/patients/7/courses/check").with(csrf()).param("time", "10:00").param("sessionCount", "0"))
                .andExpect(status().isOk())
                .andExpect(view().name("course/form"))
                .andExpect(model().attributeHasFieldErrors("courseForm", "programCode", "firstDate", "sessionCount"))
                .andExpect(model().attributeDoesNotExist("check"));
        verify(booking, never()).check(any());
    }

    @Test
    @WithMockUser(roles = "RECEPTIONIST")
    @DisplayName("a booked course goes back to the chart with a message; the patient is the URL's, never a posted one")
    void booked() throws Exception {
        given(booking.attemptAgainstRaces(any())).willReturn(new CourseBooking.Attempt(mock(com.coursebook.course.Course.class),
                null, false));
        mvc.perform(post("/patients/7/courses").with(csrf()).param("patientId", "99").param("programCode", "PROSTATE")
                        .param("practitionerId", "3").param("firstDate", "2026-12-14").param("time", "09:30")
                        .param("sessionCount", "8").param("cadenceDays", "2"))
                .andExpect(redirectedUrl("/patients/7#courses"))
                .andExpect(flash().attribute("message", "course.booked"));
        ArgumentCaptor<CourseRequest> request = ArgumentCaptor.forClass(CourseRequest.class);
        verify(booking).attemptAgainstRaces(request.capture());
        assertThat(request.getValue().patientId()).isEqualTo(7L);
        assertThat(request.getValue().programCode()).isEqualTo("PROSTATE");
        assertThat(request.getValue().practitionerId()).isEqualTo(3L);
        assertThat(request.getValue().firstSessionAt()).isEqualTo(LocalDateTime.of(2026, 12, 14, 9, 30));
        assertThat(request.getValue().sessionCount()).isEqualTo(8);
        assertThat(request.getValue().cadenceDays()).isEqualTo(2);
    }

    @Test
    @WithMockUser(roles = "RECEPTIONIST")
    @DisplayName("a booking that clashes with the practitioner's session shows the form again saying so")
    void clash() throws Exception {
        Decision clash = new Decision(null, List.of(), List.of(), List.of(),
                Optional.of(new Decision.Clash(LocalDateTime.of(2026, 12, 14, 9, 30), LocalDateTime.of(2026, 12, 14,
                        10, 0), Decision.Whose.PRACTITIONER)), List.of(), null, List.of());
        given(booking.attemptAgainstRaces(any())).willReturn(new CourseBooking.Attempt(null, clash, false));
        mvc.perform(post("/patients/7/courses").with(csrf()).param("programCode", "PROSTATE")
                        .param("firstDate", "2026-12-14").param("time", "09:30"))
                .andExpect(status().isOk())
                .andExpect(view().name("course/form"))
                .andExpect(model().attributeHasErrors("courseForm"))
                .andExpect(model().attributeDoesNotExist("refused"))
                .andExpect(result -> assertThat(((org.springframework.validation.BindingResult) result.getModelAndView()
                        .getModel().get("org.springframework.validation.BindingResult.courseForm")).getGlobalError()
                        .getCode()).isEqualTo("problem.slotTaken.detail.PRACTITIONER"));
    }

    @Test
    @WithMockUser(roles = "RECEPTIONIST")
    @DisplayName("a booking that loses a race at the database (SQLSTATE 23P01) shows the plan again, checked anew, "
            + "saying a session was booked meanwhile; not the empty form")
    void raceLostAtTheDatabase() throws Exception {
        Decision checked = new Decision(null, List.of(), List.of(), List.of(), Optional.empty(), List.of(), null,
                List.of());
        given(booking.attemptAgainstRaces(any())).willReturn(new CourseBooking.Attempt(null, checked, true));
        com.coursebook.course.CourseCheck plan = new com.coursebook.course.CourseCheck(false, 7L, "PROSTATE", 3L, 2,
                List.of(), List.of(), List.of(), null, java.util.Set.of());
        given(decisions.render(org.mockito.ArgumentMatchers.eq(checked), any())).willReturn(plan);
        mvc.perform(post("/patients/7/courses").with(csrf()).param("programCode", "PROSTATE")
                        .param("practitionerId", "3").param("firstDate", "2026-12-14").param("time", "09:30"))
                .andExpect(status().isOk())
                .andExpect(view().name("course/form"))
                .andExpect(model().attribute("check", plan))
                .andExpect(result -> assertThat(((org.springframework.validation.BindingResult) result.getModelAndView()
                        .getModel().get("org.springframework.validation.BindingResult.courseForm")).getGlobalError()
                        .getCode()).isEqualTo("problem.slotTaken.detail.null"));
    }

    @Test
    @WithMockUser(roles = "RECEPTIONIST")
    @DisplayName("a first session the service refuses is marked at the form's date field")
    void refusedDate() throws Exception {
        given(booking.check(any())).willThrow(new InvalidRequestException("firstSessionAt", "course.firstSessionAt.past"));
        mvc.perform(post("/patients/7/courses/check").with(csrf()).param("programCode", "PROSTATE")
                        .param("firstDate", "2026-12-14").param("time", "09:30"))
                .andExpect(status().isOk())
                .andExpect(view().name("course/form"))
                .andExpect(model().attributeHasFieldErrorCode("courseForm", "firstDate", "course.firstSessionAt.past"))
                .andExpect(model().attributeDoesNotExist("check"));
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    @DisplayName("an admin cannot book a course")
    void adminForbidden() throws Exception {
        mvc.perform(post("/patients/7/courses").with(csrf()).param("programCode", "PROSTATE"))
                .andExpect(status().isForbidden());
        verify(booking, never()).attemptAgainstRaces(any());
    }

    private static ProgramView program(String code, EligibleSex sex, boolean active) {
        return new ProgramView(code, code, Specialty.UROLOGY, sex, 10, 5, 15, 2, 1, 3, 30, 20, 30, false, false, "",
                "", active);
    }
}
