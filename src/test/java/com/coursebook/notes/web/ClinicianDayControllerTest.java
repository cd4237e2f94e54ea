package com.coursebook.notes.web;

import java.time.LocalDate;
import java.util.List;

import com.coursebook.course.ClinicianDay;
import com.coursebook.notes.NotesToSign;
import com.coursebook.shared.ClinicClock;
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
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The clinician's day: today unless another day is asked for, with reviews waiting and notes to sign. */
@ScreenSliceTest(value = ClinicianDayController.class, properties = ScreenSliceTest.VIEW_NAMES_ONLY)
class ClinicianDayControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ClinicClock clock;

    @MockitoBean
    ClinicianDay day;

    @MockitoBean
    NotesToSign notesToSign;

    @Test
    @WithMockUser(roles = "CLINICIAN")
    @DisplayName("without a date the day shown is today in the clinic's zone")
    void today() throws Exception {
        mvc.perform(get("/today"))
                .andExpect(status().isOk())
                .andExpect(view().name("course/today"))
                .andExpect(model().attribute("date", clock.today()))
                .andExpect(model().attribute("today", clock.today()));
        verify(day).ofCurrentClinician(eq(clock.today()), any());
    }

    @Test
    @WithMockUser(roles = "CLINICIAN")
    @DisplayName("another day is shown when asked for, with the reviews waiting and how many notes are still to sign")
    void otherDay() throws Exception {
        LocalDate friday = LocalDate.of(2026, 12, 4);
        var review = new ClinicianDay.Review(9L, 7L, "Orlov Ivan", "PROSTATE", "Prostate massage", "pain 7/10");
        given(day.waitingForReview(any())).willReturn(List.of(review));
        given(notesToSign.countForCurrentClinician()).willReturn(12L);
        mvc.perform(get("/today").param("date", "2026-12-04"))
                .andExpect(model().attribute("date", friday))
                .andExpect(model().attribute("reviews", List.of(review)))
                .andExpect(model().attribute("unsignedCount", 12L));
        verify(day).ofCurrentClinician(eq(friday), any());
    }

    @Test
    @WithMockUser(roles = "CLINICIAN")
    @DisplayName("the notes still to sign have their own page, in the reader's language")
    void notesToSignPage() throws Exception {
        var unsigned = new NotesToSign.UnsignedNote(31L, 7L, "Orlov Ivan", "PROSTATE", "Prostate massage",
                LocalDate.of(2026, 12, 1).atTime(10, 0));
        given(notesToSign.ofCurrentClinician(any())).willReturn(List.of(unsigned));
        mvc.perform(get("/today/notes"))
                .andExpect(status().isOk())
                .andExpect(view().name("course/notes-to-sign"))
                .andExpect(model().attribute("unsigned", List.of(unsigned)));
    }

    @Test
    @WithMockUser(roles = "RECEPTIONIST")
    @DisplayName("reception has no clinician's day")
    void receptionForbidden() throws Exception {
        mvc.perform(get("/today")).andExpect(status().isForbidden());
        verifyNoInteractions(day, notesToSign);
    }
}
