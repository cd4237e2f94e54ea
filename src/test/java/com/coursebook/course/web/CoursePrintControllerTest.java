package com.coursebook.course.web;

import java.util.List;
import java.util.Optional;

import com.coursebook.catalog.Catalog;
import com.coursebook.catalog.Catalog.ProgramView;
import com.coursebook.catalog.EligibleSex;
import com.coursebook.catalog.Specialty;
import com.coursebook.course.CourseQueries;
import com.coursebook.course.CourseStatus;
import com.coursebook.course.CourseView;
import com.coursebook.patient.PatientService;
import com.coursebook.scheduling.Practitioner;
import com.coursebook.scheduling.Practitioners;
import com.coursebook.shared.NotFoundException;
import com.coursebook.support.ScreenSliceTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The printable appointment list: the course with its own program's instructions and practitioner. */
@ScreenSliceTest(value = CoursePrintController.class, properties = ScreenSliceTest.VIEW_NAMES_ONLY)
class CoursePrintControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CourseQueries courses;

    @MockitoBean
    PatientService patients;

    @MockitoBean
    Catalog catalog;

    @MockitoBean
    Practitioners practitioners;

    @Test
    @WithMockUser(roles = "RECEPTIONIST")
    @DisplayName("the print shows the course's own program (with its preparation) and its practitioner's name")
    void print() throws Exception {
        CourseView course = new CourseView(9L, 7L, "PROSTATE", "Prostate massage", 3L, CourseStatus.PLANNED, null, 10, 2,
                false, List.of(), List.of());
        given(courses.course(eq(9L), any())).willReturn(course);
        ProgramView prostate = program("PROSTATE", "Empty the bladder first");
        given(catalog.programs(any())).willReturn(List.of(program("BLADDER", "Drink water"), prostate));
        Practitioner practitioner = mock(Practitioner.class);
        given(practitioner.getFullName()).willReturn("Demidov Pavel");
        given(practitioners.findWithLocation(3L)).willReturn(Optional.of(practitioner));
        mvc.perform(get("/courses/9/print"))
                .andExpect(status().isOk())
                .andExpect(view().name("course/print"))
                .andExpect(model().attribute("course", course))
                .andExpect(model().attribute("program", prostate))
                .andExpect(model().attribute("practitioner", "Demidov Pavel"));
        verify(patients).view(7L);
    }

    @Test
    @WithMockUser(roles = "RECEPTIONIST")
    @DisplayName("a course that does not exist is a not-found page")
    void unknownCourse() throws Exception {
        given(courses.course(eq(404L), any())).willThrow(new NotFoundException("error.course.notFound", "404"));
        mvc.perform(get("/courses/404/print")).andExpect(status().isNotFound()).andExpect(view().name("error"));
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    @DisplayName("an admin cannot print a patient's appointments")
    void adminForbidden() throws Exception {
        mvc.perform(get("/courses/9/print")).andExpect(status().isForbidden());
    }

    private static ProgramView program(String code, String preparation) {
        return new ProgramView(code, code, Specialty.UROLOGY, EligibleSex.ANY, 10, 5, 15, 2, 1, 3, 30, 20, 30, false,
                false, preparation, "", true);
    }
}
