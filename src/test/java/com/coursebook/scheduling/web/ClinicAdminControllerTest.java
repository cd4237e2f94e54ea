package com.coursebook.scheduling.web;

import java.time.LocalDate;

import com.coursebook.scheduling.ClosureForm;
import com.coursebook.scheduling.RoomForm;
import com.coursebook.scheduling.SchedulingAdministration;
import com.coursebook.shared.ConflictException;
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
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The admin's closures and rooms: forms bound, refused with messages at the fields, redirects, admins only. */
@ScreenSliceTest(ClinicAdminController.class)
class ClinicAdminControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    SchedulingAdministration administration;

    @MockitoBean
    com.coursebook.catalog.Catalog catalog;

    @Test
    @WithMockUser(roles = "ADMIN")
    @DisplayName("a closure is added for the day and reason typed, back to the closures saying so")
    void addClosure() throws Exception {
        mvc.perform(post("/admin/scheduling/closures").with(csrf()).param("closedOn", "2026-12-31")
                        .param("reason", "New Year's Eve"))
                .andExpect(redirectedUrl("/admin/scheduling/closures"))
                .andExpect(flash().attribute("message", "scheduling.closure.added"));
        ArgumentCaptor<ClosureForm> form = ArgumentCaptor.forClass(ClosureForm.class);
        verify(administration).addClosure(form.capture());
        assertThat(form.getValue().getClosedOn()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(form.getValue().getReason()).isEqualTo("New Year's Eve");
        assertThat(form.getValue().getLocationId()).isNull();
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    @DisplayName("a closure without day or reason is shown again with a message at each field")
    void invalidClosure() throws Exception {
        mvc.perform(post("/admin/scheduling/closures").with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("scheduling/closures"))
                .andExpect(model().attributeHasFieldErrors("closureForm", "closedOn", "reason"))
                .andExpect(content().string(containsString("Enter the reason.")))
                .andExpect(content().string(containsString("Enter a date.")));
        verify(administration, never()).addClosure(any());
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    @DisplayName("a closure the service refuses (a day already closed) is shown again at the date field")
    void refusedClosure() throws Exception {
        given(administration.addClosure(any()))
                .willThrow(new InvalidRequestException("closedOn", "scheduling.closure.duplicate"));
        mvc.perform(post("/admin/scheduling/closures").with(csrf()).param("closedOn", "2026-12-31")
                        .param("reason", "New Year's Eve"))
                .andExpect(status().isOk())
                .andExpect(view().name("scheduling/closures"))
                .andExpect(model().attributeHasFieldErrorCode("closureForm", "closedOn",
                        "scheduling.closure.duplicate"))
                .andExpect(content().string(containsString("value=\"New Year&#39;s Eve\"")));
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    @DisplayName("a room is added to the location chosen; one whose name is taken is refused on the form")
    void addRoom() throws Exception {
        mvc.perform(post("/admin/scheduling/rooms").with(csrf()).param("locationId", "2").param("name", "Room 4")
                        .param("roomType", "TREATMENT"))
                .andExpect(redirectedUrl("/admin/scheduling/rooms"))
                .andExpect(flash().attribute("message", "scheduling.room.added"));
        ArgumentCaptor<RoomForm> form = ArgumentCaptor.forClass(RoomForm.class);
        verify(administration).addRoom(form.capture());
        assertThat(form.getValue().getLocationId()).isEqualTo(2L);
        assertThat(form.getValue().getName()).isEqualTo("Room 4");

        given(administration.addRoom(any())).willThrow(new ConflictException("scheduling.room.nameTaken"));
        mvc.perform(post("/admin/scheduling/rooms").with(csrf()).param("locationId", "2").param("name", "Room 4")
                        .param("roomType", "TREATMENT"))
                .andExpect(status().isOk())
                .andExpect(view().name("scheduling/rooms"))
                .andExpect(model().attributeHasErrors("roomForm"));
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    @DisplayName("removing a closure and deactivating a room act on the row in the URL")
    void rowActs() throws Exception {
        mvc.perform(post("/admin/scheduling/closures/12/remove").with(csrf()))
                .andExpect(redirectedUrl("/admin/scheduling/closures"))
                .andExpect(flash().attribute("message", "scheduling.closure.removed"));
        verify(administration).removeClosure(12L);
        mvc.perform(post("/admin/scheduling/rooms/4/deactivate").with(csrf()))
                .andExpect(redirectedUrl("/admin/scheduling/rooms"));
        verify(administration).deactivateRoom(4L);
    }

    @Test
    @WithMockUser(roles = "RECEPTIONIST")
    @DisplayName("only an admin manages closures and rooms")
    void receptionForbidden() throws Exception {
        mvc.perform(get("/admin/scheduling/closures")).andExpect(status().isForbidden());
        mvc.perform(post("/admin/scheduling/rooms/4/deactivate").with(csrf())).andExpect(status().isForbidden());
        verifyNoInteractions(administration);
    }
}
