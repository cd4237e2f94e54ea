package com.coursebook.course.web;

import java.util.Optional;

import com.coursebook.course.Course;
import com.coursebook.course.CourseBooking;
import com.coursebook.course.CourseLifecycle;
import com.coursebook.course.Courses;
import com.coursebook.shared.ConflictException;
import com.coursebook.support.ScreenSliceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A clinician's acts on a course: each goes back to the patient's chart saying what happened, or why not. */
@ScreenSliceTest(CourseActsController.class)
class CourseActsControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CourseLifecycle lifecycle;

    @MockitoBean
    CourseBooking booking;

    @MockitoBean
    Courses courses;

    @BeforeEach
    void courseOfPatientSeven() {
        Course course = mock(Course.class);
        given(course.getPatientId()).willReturn(7L);
        given(courses.findById(5L)).willReturn(Optional.of(course));
    }

    @Test
    @WithMockUser(roles = "CLINICIAN")
    @DisplayName("stopping a course asks first (nothing changes), then, confirmed, passes the reason, trimmed, and "
            + "returns to the chart saying it stopped")
    void stop() throws Exception {
        mvc.perform(post("/courses/5/pause").with(csrf()).param("act", "stop").param("reason", "pain after 3rd"))
                .andExpect(redirectedUrl("/patients/7#confirm-stop-5"))
                .andExpect(flash().attribute("confirmStop", 5L));
        verifyNoInteractions(lifecycle);
        mvc.perform(post("/courses/5/pause").with(csrf()).param("act", "stop").param("reason", "  pain after 3rd  ")
                        .param("confirmed", "true"))
                .andExpect(redirectedUrl("/patients/7#courses"))
                .andExpect(flash().attribute("message", "course.stopped"));
        verify(lifecycle).stop(5L, "pain after 3rd");
        verify(lifecycle, never()).pause(any(), any());
    }

    @Test
    @WithMockUser(roles = "CLINICIAN")
    @DisplayName("confirming the warnings waiting on a course takes a written reason, trimmed, and says it is done; "
            + "without one it asks and changes nothing")
    void confirmWarnings() throws Exception {
        mvc.perform(post("/courses/5/overrides").with(csrf()).param("reason", " ok "))
                .andExpect(redirectedUrl("/patients/7#courses"))
                .andExpect(flash().attribute("problem", "course.confirmWarnings.reason"));
        verifyNoInteractions(lifecycle);
        mvc.perform(post("/courses/5/overrides").with(csrf()).param("reason", "  Mild BPH, reviewed  "))
                .andExpect(redirectedUrl("/patients/7#courses"))
                .andExpect(flash().attribute("message", "course.warningsConfirmed"));
        verify(lifecycle).confirmWaitingWarnings(5L, "Mild BPH, reviewed");
    }

    @Test
    @WithMockUser(roles = "CLINICIAN")
    @DisplayName("pausing without a reason asks for one and changes nothing")
    void pauseWithoutReason() throws Exception {
        mvc.perform(post("/courses/5/pause").with(csrf()).param("reason", " "))
                .andExpect(redirectedUrl("/patients/7#courses"))
                .andExpect(flash().attribute("problem", "course.reason.required"));
        verifyNoInteractions(lifecycle);
    }

    @Test
    @WithMockUser(roles = "CLINICIAN")
    @DisplayName("resuming a course that is not paused comes back, through the course, to the chart with the reason")
    void resumeRefused() throws Exception {
        willThrow(new ConflictException("course.notPaused", 5L)).given(lifecycle).resume(5L);
        mvc.perform(post("/courses/5/resume").with(csrf()))
                .andExpect(redirectedUrl("/courses/5/chart"))
                .andExpect(flash().attribute("problem", "course.notPaused"))
                .andExpect(flash().attribute("message", (Object) null));
    }

    @Test
    @WithMockUser(roles = "CLINICIAN")
    @DisplayName("the course's place on the chart passes the refusal on to the patient's chart")
    void chartPassesMessageOn() throws Exception {
        mvc.perform(post("/courses/5/chart").with(csrf())).andExpect(status().isMethodNotAllowed());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/courses/5/chart")
                        .flashAttr("problem", "course.notPaused"))
                .andExpect(redirectedUrl("/patients/7#courses"))
                .andExpect(flash().attribute("problem", "course.notPaused"));
    }

    @Test
    @WithMockUser(roles = "CLINICIAN")
    @DisplayName("resizing passes the new total; a missing total is refused before the service")
    void resize() throws Exception {
        mvc.perform(post("/courses/5/resize").with(csrf()).param("sessions", "12"))
                .andExpect(redirectedUrl("/patients/7#courses"))
                .andExpect(flash().attribute("message", "course.resized"));
        verify(booking).resize(5L, 12);
        mvc.perform(post("/courses/5/resize").with(csrf()))
                .andExpect(flash().attribute("problem", "course.sessionCount.range"));
        verify(booking).resize(any(), anyInt());
    }

    @Test
    @WithMockUser(roles = "CLINICIAN")
    @DisplayName("an act on a course that does not exist is a not-found page")
    void unknownCourse() throws Exception {
        mvc.perform(post("/courses/404/review").with(csrf()).param("reason", "checked, fine"))
                .andExpect(status().isNotFound());
    }

    @Test
    @WithMockUser(roles = "RECEPTIONIST")
    @DisplayName("reception cannot stop, pause or resize a course")
    void receptionForbidden() throws Exception {
        mvc.perform(post("/courses/5/pause").with(csrf()).param("act", "stop").param("reason", "patient asked"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/courses/5/resize").with(csrf()).param("sessions", "12"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(lifecycle, booking);
    }
}
