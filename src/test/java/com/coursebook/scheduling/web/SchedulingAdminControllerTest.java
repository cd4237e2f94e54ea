package com.coursebook.scheduling.web;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

import com.coursebook.scheduling.SchedulingAdministration;
import com.coursebook.scheduling.WeeklyPeriodForm;
import com.coursebook.shared.InvalidRequestException;
import com.coursebook.support.ScreenSliceTest;
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
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
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

/** A practitioner's schedule page: three forms, the posted one keeping its values and errors; admins only. */
@ScreenSliceTest(value = SchedulingAdminController.class, properties = ScreenSliceTest.VIEW_NAMES_ONLY)
class SchedulingAdminControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    SchedulingAdministration administration;

    @Test
    @WithMockUser(roles = "ADMIN")
    @DisplayName("the schedule page shows the practitioner's schedule with three empty forms")
    void page() throws Exception {
        var schedule = new SchedulingAdministration.Schedule(null, List.of(), List.of(), List.of());
        given(administration.schedule(3L)).willReturn(schedule);
        mvc.perform(get("/admin/scheduling/practitioners/3"))
                .andExpect(status().isOk())
                .andExpect(view().name("scheduling/practitioner"))
                .andExpect(model().attribute("schedule", schedule))
                .andExpect(model().attributeExists("hoursForm", "breakForm", "absenceForm"));
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    @DisplayName("working hours are added for the practitioner in the URL with the day and times typed")
    void addHours() throws Exception {
        mvc.perform(post("/admin/scheduling/practitioners/3/hours").with(csrf()).param("day", "TUESDAY")
                        .param("startsAt", "08:00").param("endsAt", "14:00"))
                .andExpect(redirectedUrl("/admin/scheduling/practitioners/3"))
                .andExpect(flash().attribute("message", "scheduling.hours.added"));
        ArgumentCaptor<WeeklyPeriodForm> form = ArgumentCaptor.forClass(WeeklyPeriodForm.class);
        verify(administration).addWorkingHours(eq(3L), form.capture());
        assertThat(form.getValue().getDay()).isEqualTo(DayOfWeek.TUESDAY);
        assertThat(form.getValue().getStartsAt()).isEqualTo(LocalTime.of(8, 0));
        assertThat(form.getValue().getEndsAt()).isEqualTo(LocalTime.of(14, 0));
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    @DisplayName("a break that ends before it starts is shown again on the break form; the others stay empty")
    void invalidBreak() throws Exception {
        mvc.perform(post("/admin/scheduling/practitioners/3/breaks").with(csrf()).param("day", "TUESDAY")
                        .param("startsAt", "13:00").param("endsAt", "12:00"))
                .andExpect(status().isOk())
                .andExpect(view().name("scheduling/practitioner"))
                .andExpect(model().attributeHasErrors("breakForm"))
                .andExpect(model().attributeHasNoErrors("hoursForm"))
                .andExpect(model().attribute("breakForm", hasProperty("startsAt", is(LocalTime.of(13, 0)))))
                .andExpect(model().attribute("hoursForm", hasProperty("startsAt", nullValue())));
        verify(administration, never()).addBreak(anyLong(), any());
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    @DisplayName("leave the service refuses (overlapping other leave) is marked at the field it names")
    void refusedAbsence() throws Exception {
        given(administration.addAbsence(eq(3L), any()))
                .willThrow(new InvalidRequestException("startsOn", "scheduling.absence.overlaps"));
        mvc.perform(post("/admin/scheduling/practitioners/3/absences").with(csrf()).param("startsOn", "2026-12-20")
                        .param("endsOn", "2026-12-27").param("reason", "holiday"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("absenceForm", "startsOn",
                        "scheduling.absence.overlaps"));
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    @DisplayName("removing working hours removes that row of that practitioner")
    void removeHours() throws Exception {
        mvc.perform(post("/admin/scheduling/practitioners/3/hours/17/remove").with(csrf()))
                .andExpect(redirectedUrl("/admin/scheduling/practitioners/3"))
                .andExpect(flash().attribute("message", "scheduling.hours.removed"));
        verify(administration).removeWorkingHours(3L, 17L);
    }

    @Test
    @WithMockUser(roles = "CLINICIAN")
    @DisplayName("a clinician cannot change anyone's schedule, their own included")
    void clinicianForbidden() throws Exception {
        mvc.perform(get("/admin/scheduling")).andExpect(status().isForbidden());
        mvc.perform(post("/admin/scheduling/practitioners/3/absences").with(csrf()).param("startsOn", "2026-12-20")
                        .param("endsOn", "2026-12-27"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(administration);
    }
}
