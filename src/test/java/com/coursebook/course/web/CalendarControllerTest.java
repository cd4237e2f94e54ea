package com.coursebook.course.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import com.coursebook.course.Calendar;
import com.coursebook.course.CourseQueries;
import com.coursebook.course.CourseStatus;
import com.coursebook.course.CourseView;
import com.coursebook.course.SessionService;
import com.coursebook.course.SessionStatus;
import com.coursebook.patient.PatientService;
import com.coursebook.scheduling.Practitioners;
import com.coursebook.scheduling.Rooms;
import com.coursebook.security.AppUsers;
import com.coursebook.shared.ConflictException;
import com.coursebook.support.ScreenSliceTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.aMapWithSize;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
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

/** The calendars and the session page: the week asked for, and moving, cancelling and checking in from it. */
@ScreenSliceTest(value = CalendarController.class, properties = ScreenSliceTest.VIEW_NAMES_ONLY)
class CalendarControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Calendar calendar;

    @MockitoBean
    Practitioners practitioners;

    @MockitoBean
    AppUsers users;

    @MockitoBean
    CourseQueries courses;

    @MockitoBean
    SessionService sessions;

    @MockitoBean
    PatientService patients;

    @MockitoBean
    Rooms rooms;

    @Test
    @WithMockUser(roles = "RECEPTIONIST")
    @DisplayName("a practitioner's week runs Monday to Sunday around the date asked for, one column per day")
    void week() throws Exception {
        LocalDate monday = LocalDate.of(2026, 11, 30);
        given(calendar.practitioner(eq(3L), eq(monday), eq(monday.plusDays(6)), any())).willReturn(List.of());
        mvc.perform(get("/calendar").param("practitioner", "3").param("date", "2026-12-03"))
                .andExpect(status().isOk())
                .andExpect(view().name("course/calendar"))
                .andExpect(model().attribute("practitioner", 3L))
                .andExpect(model().attribute("view", "week"))
                .andExpect(model().attribute("previous", monday.minusWeeks(1)))
                .andExpect(model().attribute("next", monday.plusWeeks(1)))
                .andExpect(model().attribute("days", aMapWithSize(7)));
        verify(calendar).practitioner(eq(3L), eq(monday), eq(monday.plusDays(6)), any());
    }

    @Test
    @WithMockUser(roles = "RECEPTIONIST")
    @DisplayName("a room's day view shows that room on that day only")
    void roomDay() throws Exception {
        LocalDate day = LocalDate.of(2026, 12, 3);
        mvc.perform(get("/calendar").param("room", "4").param("date", "2026-12-03").param("view", "day"))
                .andExpect(status().isOk())
                .andExpect(model().attribute("room", 4L))
                .andExpect(model().attribute("view", "day"))
                .andExpect(model().attribute("next", day.plusDays(1)));
        verify(calendar).room(eq(4L), eq(day), eq(day), any());
        verify(calendar, never()).practitioner(any(), any(), any(), any());
    }

    @Test
    @WithMockUser(roles = "RECEPTIONIST")
    @DisplayName("the session page shows the session asked for, within its course")
    void sessionPage() throws Exception {
        CourseView.SessionView second = session(22L, 2);
        CourseView course = new CourseView(9L, 7L, "PROSTATE", "Prostate massage", 3L, CourseStatus.ACTIVE, null, 2, 2,
                false, List.of(session(21L, 1), second), List.of());
        given(courses.courseOfSession(eq(22L), any())).willReturn(course);
        mvc.perform(get("/sessions/22"))
                .andExpect(status().isOk())
                .andExpect(view().name("course/session"))
                .andExpect(model().attribute("course", course))
                .andExpect(model().attribute("courseSession", second));
        verify(patients).view(7L);
    }

    @Test
    @WithMockUser(roles = "RECEPTIONIST")
    @DisplayName("moving a session and the later ones asks first; confirmed, it goes back to the session saying it moved")
    void move() throws Exception {
        mvc.perform(post("/sessions/22/move").with(csrf()).param("startsAt", "2026-12-10T11:00")
                        .param("andLater", "true"))
                .andExpect(redirectedUrl("/sessions/22#confirm-move"))
                .andExpect(flash().attribute("confirmMove", true));
        verify(sessions, never()).move(any(), any(), anyBoolean());
        mvc.perform(post("/sessions/22/move").with(csrf()).param("startsAt", "2026-12-10T11:00")
                        .param("andLater", "true").param("confirmed", "true"))
                .andExpect(redirectedUrl("/sessions/22"))
                .andExpect(flash().attribute("message", "session.moved"));
        verify(sessions).move(22L, LocalDateTime.of(2026, 12, 10, 11, 0), true);
    }

    @Test
    @WithMockUser(roles = "RECEPTIONIST")
    @DisplayName("a move without a new time asks for one and moves nothing")
    void moveWithoutTime() throws Exception {
        mvc.perform(post("/sessions/22/move").with(csrf()))
                .andExpect(redirectedUrl("/sessions/22"))
                .andExpect(flash().attribute("problem", "session.move.startsAt.required"));
        verify(sessions, never()).move(any(), any(), anyBoolean());
    }

    @Test
    @WithMockUser(roles = "RECEPTIONIST")
    @DisplayName("a move the session's state refuses comes back to the session with the reason")
    void moveRefused() throws Exception {
        given(sessions.move(22L, LocalDateTime.of(2026, 12, 10, 11, 0), false))
                .willThrow(new ConflictException("session.notMovable", 2));
        mvc.perform(post("/sessions/22/move").with(csrf()).param("startsAt", "2026-12-10T11:00"))
                .andExpect(redirectedUrl("/sessions/22"))
                .andExpect(flash().attribute("problem", "session.notMovable"))
                .andExpect(flash().attribute("problemArgs", new Object[] { 2 }))
                .andExpect(flash().attribute("typed", java.util.Map.of("/sessions/22/move#startsAt", "2026-12-10T11:00")))
                .andExpect(flash().attributeCount(3));
    }

    @Test
    @WithMockUser(roles = "RECEPTIONIST")
    @DisplayName("a cancellation by the clinic is passed on as such")
    void cancelByClinic() throws Exception {
        // The first press only asks "really?" on the session's page; nothing is cancelled yet.
        mvc.perform(post("/sessions/22/cancel").with(csrf()).param("byClinic", "true"))
                .andExpect(redirectedUrl("/sessions/22?cancel=clinic"));
        verifyNoInteractions(sessions);
        mvc.perform(post("/sessions/22/cancel").with(csrf()).param("byClinic", "true").param("confirmed", "true"))
                .andExpect(redirectedUrl("/sessions/22"))
                .andExpect(flash().attribute("message", "session.cancelled"));
        verify(sessions).cancel(22L, true);
    }

    @Test
    @WithMockUser(roles = "RECEPTIONIST")
    @DisplayName("a check-in the session refuses comes back to the session with the reason")
    void checkInRefused() throws Exception {
        given(sessions.checkIn(22L)).willThrow(new ConflictException("session.notBooked", 2));
        mvc.perform(post("/sessions/22/check-in").with(csrf()))
                .andExpect(redirectedUrl("/sessions/22"))
                .andExpect(flash().attribute("problem", "session.notBooked"))
                .andExpect(flash().attribute("message", (Object) null));
    }

    @Test
    @WithMockUser(roles = "CLINICIAN")
    @DisplayName("attendance is recorded with the outcome chosen")
    void attendance() throws Exception {
        mvc.perform(post("/sessions/22/attendance").with(csrf()).param("outcome", "NO_SHOW"))
                .andExpect(redirectedUrl("/sessions/22"))
                .andExpect(flash().attribute("message", "session.recorded.NO_SHOW"));
        verify(sessions).recordAttendance(22L, SessionStatus.NO_SHOW);
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    @DisplayName("an admin cannot open the calendars or act on a session")
    void adminForbidden() throws Exception {
        mvc.perform(get("/calendar")).andExpect(status().isForbidden());
        mvc.perform(post("/sessions/22/cancel").with(csrf())).andExpect(status().isForbidden());
        verify(sessions, never()).cancel(any(), anyBoolean());
    }

    private static CourseView.SessionView session(Long id, int number) {
        LocalDateTime start = LocalDateTime.of(2026, 12, 1, 10, 0).plusDays(2L * number);
        return new CourseView.SessionView(id, number, start, start.plusMinutes(30), SessionStatus.BOOKED, false, null,
                null);
    }
}
