package com.coursebook.course.web;

import java.time.LocalDateTime;
import java.util.List;

import com.coursebook.course.SessionService;
import com.coursebook.course.Worklist;
import com.coursebook.platform.Words;
import com.coursebook.shared.ConflictException;
import com.coursebook.support.ScreenSliceTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** Reception's worklist: its four lists on the page, and rebooking a missed session from it. */
@ScreenSliceTest(WorklistController.class)
class WorklistControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Worklist worklist;

    @MockitoBean
    SessionService sessions;

    /** The page names programs through the request's {@code @words}; a stand-in says the name. */
    @MockitoBean(name = "words")
    Words words;

    @Test
    @WithMockUser(roles = "RECEPTIONIST")
    @DisplayName("the worklist lists tomorrow's sessions to confirm, with the patient's phone")
    void confirmations() throws Exception {
        var call = new Worklist.Confirmation(31L, 7L, "Orlov Ivan", "+7 900 123-45-67", "PROSTATE", 3, 10,
                LocalDateTime.of(2026, 12, 2, 9, 30));
        given(worklist.tomorrowsConfirmations()).willReturn(List.of(call));
        given(words.program("PROSTATE")).willReturn("Prostate massage");
        mvc.perform(get("/worklist"))
                .andExpect(status().isOk())
                .andExpect(view().name("course/worklist"))
                .andExpect(model().attribute("confirmations", List.of(call)))
                .andExpect(model().attribute("items", List.of()))
                .andExpect(content().string(containsString("Orlov Ivan")))
                .andExpect(content().string(containsString("+7 900 123-45-67")))
                .andExpect(content().string(containsString("Prostate massage")))
                .andExpect(content().string(containsString("/sessions/31")));
    }

    @Test
    @WithMockUser(roles = "RECEPTIONIST")
    @DisplayName("a replacement session is booked at the time chosen, back to the worklist saying so")
    void rebook() throws Exception {
        mvc.perform(post("/worklist/courses/9/sessions").with(csrf()).param("startsAt", "2026-12-04T10:00"))
                .andExpect(redirectedUrl("/worklist"))
                .andExpect(flash().attribute("message", "worklist.rebooked"));
        verify(sessions).fillGap(9L, LocalDateTime.of(2026, 12, 4, 10, 0));
    }

    @Test
    @WithMockUser(roles = "RECEPTIONIST")
    @DisplayName("a rebooking without a time asks for one and books nothing")
    void rebookWithoutTime() throws Exception {
        mvc.perform(post("/worklist/courses/9/sessions").with(csrf()))
                .andExpect(redirectedUrl("/worklist"))
                .andExpect(flash().attribute("problem", "session.move.startsAt.required"));
        verify(sessions, never()).fillGap(any(), any());
    }

    @Test
    @WithMockUser(roles = "RECEPTIONIST")
    @DisplayName("a course with nothing to rebook comes back to the worklist with the reason")
    void rebookRefused() throws Exception {
        given(sessions.fillGap(9L, LocalDateTime.of(2026, 12, 4, 10, 0)))
                .willThrow(new ConflictException("course.noGap", 9L));
        mvc.perform(post("/worklist/courses/9/sessions").with(csrf()).param("startsAt", "2026-12-04T10:00"))
                .andExpect(redirectedUrl("/worklist"))
                .andExpect(flash().attribute("problem", "course.noGap"))
                .andExpect(flash().attribute("message", (Object) null));
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    @DisplayName("an admin has no worklist of reception's")
    void adminForbidden() throws Exception {
        mvc.perform(get("/worklist")).andExpect(status().isForbidden());
    }
}
