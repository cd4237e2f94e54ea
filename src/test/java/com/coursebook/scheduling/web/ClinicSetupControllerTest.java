package com.coursebook.scheduling.web;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Set;

import com.coursebook.catalog.Catalog;
import com.coursebook.catalog.CatalogAdministration;
import com.coursebook.catalog.RoomTypeForm;
import com.coursebook.catalog.Specialty;
import com.coursebook.scheduling.ClinicAdministration;
import com.coursebook.scheduling.LocationForm;
import com.coursebook.scheduling.PractitionerForm;
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
import static org.mockito.ArgumentMatchers.eq;
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

/** The clinic set-up screens: forms bound as typed, refusals at the field, the row in the URL, admins only. */
@ScreenSliceTest(ClinicSetupController.class)
class ClinicSetupControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ClinicAdministration clinic;

    @MockitoBean
    Catalog catalog;

    @MockitoBean
    CatalogAdministration catalogAdministration;

    @Test
    @WithMockUser(roles = "ADMIN")
    @DisplayName("a new location is bound with its zone and opening days and saved, back to the list saying so")
    void addLocation() throws Exception {
        mvc.perform(post("/admin/scheduling/locations").with(csrf()).param("name", "East")
                        .param("timeZone", "Europe/Samara").param("openingDays", "MONDAY", "FRIDAY"))
                .andExpect(redirectedUrl("/admin/scheduling/locations"))
                .andExpect(flash().attribute("message", "clinic.location.saved"));
        ArgumentCaptor<LocationForm> form = ArgumentCaptor.forClass(LocationForm.class);
        verify(clinic).addLocation(form.capture());
        assertThat(form.getValue().getTimeZone()).isEqualTo("Europe/Samara");
        assertThat(form.getValue().getOpeningDays()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    @DisplayName("a location without name or opening day never reaches the service; a zone it refuses shows at the zone")
    void refusedLocation() throws Exception {
        mvc.perform(post("/admin/scheduling/locations").with(csrf()).param("name", "")
                        .param("_openingDays", "on")) // every box unticked: only the checkboxes' marker is sent
                .andExpect(status().isOk())
                .andExpect(view().name("scheduling/location-form"))
                .andExpect(model().attributeHasFieldErrors("locationForm", "name", "openingDays"));
        verify(clinic, never()).addLocation(any());

        given(clinic.addLocation(any()))
                .willThrow(new InvalidRequestException("timeZone", "scheduling.location.zone.unknown", "Mars"));
        mvc.perform(post("/admin/scheduling/locations").with(csrf()).param("name", "East").param("timeZone", "Mars")
                        .param("openingDays", "MONDAY"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("locationForm", "timeZone",
                        "scheduling.location.zone.unknown"))
                .andExpect(content().string(containsString("“Mars” is not a time zone")));
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    @DisplayName("an edit of a practitioner goes to the one in the URL, with the programs ticked; a refusal of the "
            + "programs shows at them")
    void changePractitioner() throws Exception {
        given(catalog.programs(any())).willReturn(List.of());
        mvc.perform(post("/admin/scheduling/practitioners/7/edit").with(csrf()).param("givenName", "Anna")
                        .param("familyName", "Ivanova").param("specialty", "GYNECOLOGY")
                        .param("programs", "GYNECOLOGICAL_MASSAGE").param("version", "3").param("id", "99"))
                .andExpect(redirectedUrl("/admin/scheduling/practitioners/7"));
        ArgumentCaptor<PractitionerForm> form = ArgumentCaptor.forClass(PractitionerForm.class);
        verify(clinic).changePractitioner(eq(7L), form.capture());
        assertThat(form.getValue().getSpecialty()).isEqualTo(Specialty.GYNECOLOGY);
        assertThat(form.getValue().getPrograms()).isEqualTo(Set.of("GYNECOLOGICAL_MASSAGE"));
        assertThat(form.getValue().getVersion()).isEqualTo(3L);

        given(clinic.addPractitioner(any()))
                .willThrow(new InvalidRequestException("programs", "scheduling.practitioner.programOfOtherSpecialty"));
        mvc.perform(post("/admin/scheduling/practitioners").with(csrf()).param("givenName", "Ivan")
                        .param("familyName", "Petrov").param("specialty", "UROLOGY")
                        .param("programs", "GYNECOLOGICAL_MASSAGE"))
                .andExpect(status().isOk())
                .andExpect(view().name("scheduling/practitioner-form"))
                .andExpect(model().attributeHasFieldErrorCode("practitionerForm", "programs",
                        "scheduling.practitioner.programOfOtherSpecialty"));
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    @DisplayName("a room type is renamed and retired by the code in the URL")
    void roomTypeActs() throws Exception {
        mvc.perform(post("/admin/scheduling/room-types/UROLOGY").with(csrf()).param("nameEn", "Urology room")
                        .param("nameRu", "Урологический кабинет"))
                .andExpect(redirectedUrl("/admin/scheduling/room-types"))
                .andExpect(flash().attribute("message", "clinic.roomType.renamed"));
        ArgumentCaptor<RoomTypeForm> form = ArgumentCaptor.forClass(RoomTypeForm.class);
        verify(catalogAdministration).renameRoomType(eq("UROLOGY"), form.capture());
        assertThat(form.getValue().getNameEn()).isEqualTo("Urology room");
        mvc.perform(post("/admin/scheduling/room-types/UROLOGY/retire").with(csrf()))
                .andExpect(redirectedUrl("/admin/scheduling/room-types"));
        verify(catalogAdministration).retireRoomType("UROLOGY");
    }

    @Test
    @WithMockUser(roles = "RECEPTIONIST")
    @DisplayName("only an admin sets up the clinic")
    void receptionForbidden() throws Exception {
        mvc.perform(get("/admin/scheduling/locations")).andExpect(status().isForbidden());
        mvc.perform(post("/admin/scheduling/practitioners/7/deactivate").with(csrf())).andExpect(status().isForbidden());
        verifyNoInteractions(clinic, catalogAdministration);
    }
}
