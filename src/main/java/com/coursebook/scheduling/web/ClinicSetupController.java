package com.coursebook.scheduling.web;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Locale;

import com.coursebook.catalog.Catalog;
import com.coursebook.catalog.CatalogAdministration;
import com.coursebook.catalog.RoomType;
import com.coursebook.catalog.RoomTypeForm;
import com.coursebook.catalog.Specialty;
import com.coursebook.scheduling.ClinicAdministration;
import com.coursebook.scheduling.Location;
import com.coursebook.scheduling.LocationForm;
import com.coursebook.scheduling.PractitionerForm;
import com.coursebook.shared.ClinicClock;
import com.coursebook.shared.Forms;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's set-up of the clinic: locations, practitioners (who they are; their hours stay on the schedule page)
 * and room types. Each form is shown again with the reason beside the field when refused.
 */
@Controller
@RequestMapping("/admin/scheduling")
class ClinicSetupController {

    private static final String LOCATIONS = "/admin/scheduling/locations";

    private static final String ROOM_TYPES = "/admin/scheduling/room-types";

    private final ClinicAdministration clinic;

    private final Catalog catalog;

    private final CatalogAdministration catalogAdministration;

    private final ClinicClock clock;

    private final MessageSource messages;

    ClinicSetupController(ClinicAdministration clinic, Catalog catalog, CatalogAdministration catalogAdministration,
            ClinicClock clock, MessageSource messages) {
        this.messages = messages;
        this.clinic = clinic;
        this.catalog = catalog;
        this.catalogAdministration = catalogAdministration;
        this.clock = clock;
    }

    /** The id and the version's owner are the URL's; a posted id must never retarget the edit. */
    @InitBinder({ "locationForm", "practitionerForm", "roomTypeForm", "renameForm" })
    void refuseId(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    // ---------------------------------------------------------------- locations

    @GetMapping("/locations")
    String locations(Model model) {
        model.addAttribute("locations", clinic.locations());
        model.addAttribute("defaultZone", clock.zone().getId());
        return "scheduling/locations";
    }

    @GetMapping("/locations/new")
    String newLocation(Model model) {
        model.addAttribute("locationForm", new LocationForm());
        return locationPage(null, model);
    }

    @PostMapping("/locations")
    String addLocation(@Valid @ModelAttribute("locationForm") LocationForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        return FormSubmission.handle(result, () -> clinic.addLocation(form), redirect, "clinic.location.saved",
                LOCATIONS, () -> locationPage(null, model));
    }

    @GetMapping("/locations/{id}")
    String editLocation(@PathVariable Long id, Model model) {
        Location location = clinic.location(id);
        model.addAttribute("locationForm", LocationForm.of(location));
        return locationPage(location, model);
    }

    @PostMapping("/locations/{id}")
    String changeLocation(@PathVariable Long id, @Valid @ModelAttribute("locationForm") LocationForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        return FormSubmission.handle(result, () -> clinic.changeLocation(id, form), redirect, "clinic.location.saved",
                LOCATIONS, () -> locationPage(clinic.location(id), model));
    }

    private String locationPage(Location location, Model model) {
        model.addAttribute("location", location);
        model.addAttribute("weekdays", DayOfWeek.values());
        model.addAttribute("defaultZone", clock.zone().getId());
        return "scheduling/location-form";
    }

    // ---------------------------------------------------------------- practitioners

    @GetMapping("/practitioners/new")
    String newPractitioner(Locale locale, Model model) {
        model.addAttribute("practitionerForm", new PractitionerForm());
        return practitionerPage(null, locale, model);
    }

    @PostMapping("/practitioners")
    String addPractitioner(@Valid @ModelAttribute("practitionerForm") PractitionerForm form, BindingResult result,
            Locale locale, Model model, RedirectAttributes redirect) {
        return FormSubmission.handle(result, () -> clinic.addPractitioner(form), redirect,
                "clinic.practitioner.saved", "/admin/scheduling", () -> practitionerPage(null, locale, model));
    }

    @GetMapping("/practitioners/{id}/edit")
    String editPractitioner(@PathVariable Long id, Locale locale, Model model) {
        model.addAttribute("practitionerForm", PractitionerForm.of(clinic.practitioner(id)));
        return practitionerPage(id, locale, model);
    }

    @PostMapping("/practitioners/{id}/edit")
    String changePractitioner(@PathVariable Long id, @Valid @ModelAttribute("practitionerForm") PractitionerForm form,
            BindingResult result, Locale locale, Model model, RedirectAttributes redirect) {
        return FormSubmission.handle(result, () -> clinic.changePractitioner(id, form), redirect,
                "clinic.practitioner.saved", "/admin/scheduling/practitioners/" + id,
                () -> practitionerPage(id, locale, model));
    }

    @PostMapping("/practitioners/{id}/deactivate")
    String deactivate(@PathVariable Long id, RedirectAttributes redirect) {
        clinic.deactivatePractitioner(id);
        redirect.addFlashAttribute("message", "clinic.practitioner.deactivated");
        return "redirect:/admin/scheduling/practitioners/" + id;
    }

    @PostMapping("/practitioners/{id}/activate")
    String activate(@PathVariable Long id, RedirectAttributes redirect) {
        clinic.activatePractitioner(id);
        redirect.addFlashAttribute("message", "clinic.practitioner.activated");
        return "redirect:/admin/scheduling/practitioners/" + id;
    }

    private String practitionerPage(Long id, Locale locale, Model model) {
        model.addAttribute("practitioner", id == null ? null : clinic.practitioner(id));
        model.addAttribute("locations", clinic.locations());
        model.addAttribute("specialties", Specialty.values());
        model.addAttribute("programs", catalog.programs(locale));
        return "scheduling/practitioner-form";
    }

    // ---------------------------------------------------------------- room types

    @GetMapping("/room-types")
    String roomTypes(Model model) {
        model.addAttribute("roomTypeForm", new RoomTypeForm());
        return roomTypesPage(model);
    }

    @PostMapping("/room-types")
    String addRoomType(@Valid @ModelAttribute("roomTypeForm") RoomTypeForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        return FormSubmission.handle(result, () -> catalogAdministration.addRoomType(form), redirect,
                "clinic.roomType.added", ROOM_TYPES, () -> roomTypesPage(model));
    }

    /** A rename from the type's own row; refused names come back as a message over the page. */
    @PostMapping("/room-types/{code}")
    String renameRoomType(@PathVariable String code, @Valid @ModelAttribute("renameForm") RoomTypeForm form,
            BindingResult result, Locale locale, Model model, RedirectAttributes redirect) {
        if (Forms.accepted(result, () -> catalogAdministration.renameRoomType(code, form))) {
            redirect.addFlashAttribute("message", "clinic.roomType.renamed");
            return "redirect:" + ROOM_TYPES;
        }
        // The row's inputs are not bound to a form object, so its reasons are shown over the table, in words.
        model.addAttribute("renaming", code);
        model.addAttribute("renameErrors",
                result.getAllErrors().stream().map(error -> messages.getMessage(error, locale)).toList());
        return roomTypesPage(model);
    }

    @PostMapping("/room-types/{code}/retire")
    String retireRoomType(@PathVariable String code, RedirectAttributes redirect) {
        catalogAdministration.retireRoomType(code);
        redirect.addFlashAttribute("message", "clinic.roomType.retired");
        return "redirect:" + ROOM_TYPES;
    }

    @PostMapping("/room-types/{code}/reinstate")
    String reinstateRoomType(@PathVariable String code, RedirectAttributes redirect) {
        catalogAdministration.reinstateRoomType(code);
        redirect.addFlashAttribute("message", "clinic.roomType.reinstated");
        return "redirect:" + ROOM_TYPES;
    }

    private String roomTypesPage(Model model) {
        List<RoomType> types = catalog.roomTypes();
        model.addAttribute("types", types);
        if (!model.containsAttribute("roomTypeForm")) {
            model.addAttribute("roomTypeForm", new RoomTypeForm());
        }
        return "scheduling/room-types";
    }
}
