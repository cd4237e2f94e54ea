package com.coursebook.scheduling.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.coursebook.catalog.Catalog;
import com.coursebook.catalog.RoomType;
import com.coursebook.shared.Bilingual;

import com.coursebook.scheduling.ClosureForm;
import com.coursebook.scheduling.Location;
import com.coursebook.scheduling.RoomForm;
import com.coursebook.scheduling.SchedulingAdministration;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's clinic-wide pages: closures and rooms. */
@Controller
@RequestMapping("/admin/scheduling")
class ClinicAdminController {

    private static final String CLOSURES = "/admin/scheduling/closures";

    private static final String ROOMS = "/admin/scheduling/rooms";

    private final SchedulingAdministration administration;

    private final Catalog catalog;

    ClinicAdminController(SchedulingAdministration administration, Catalog catalog) {
        this.administration = administration;
        this.catalog = catalog;
    }

    /** Reference data for both pages' forms (as petclinic's PetController.populatePetTypes). */
    @ModelAttribute("locations")
    List<Location> locations() {
        return administration.locations();
    }

    @ModelAttribute("roomTypes")
    List<RoomType> roomTypes() {
        return administration.roomTypes();
    }

    /** Every type's names by code, retired ones too, for the rooms that still have them. */
    @ModelAttribute("roomTypeNames")
    Map<String, Bilingual> roomTypeNames() {
        return catalog.roomTypes().stream().collect(Collectors.toMap(RoomType::getCode, RoomType::getName));
    }

    @GetMapping("/closures")
    String closures(Model model) {
        model.addAttribute("closureForm", new ClosureForm());
        return closuresPage(model);
    }

    @PostMapping("/closures")
    String addClosure(@Valid @ModelAttribute("closureForm") ClosureForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        return FormSubmission.handle(result, () -> administration.addClosure(form), redirect,
                "scheduling.closure.added", CLOSURES, () -> closuresPage(model));
    }

    @PostMapping("/closures/{id}/remove")
    String removeClosure(@PathVariable Long id, RedirectAttributes redirect) {
        administration.removeClosure(id);
        redirect.addFlashAttribute("message", "scheduling.closure.removed");
        return "redirect:" + CLOSURES;
    }

    @GetMapping("/rooms")
    String rooms(Model model) {
        model.addAttribute("roomForm", new RoomForm());
        return roomsPage(model);
    }

    @PostMapping("/rooms")
    String addRoom(@Valid @ModelAttribute("roomForm") RoomForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        return FormSubmission.handle(result, () -> administration.addRoom(form), redirect, "scheduling.room.added",
                ROOMS, () -> roomsPage(model));
    }

    @PostMapping("/rooms/{id}/deactivate")
    String deactivateRoom(@PathVariable Long id, RedirectAttributes redirect) {
        administration.deactivateRoom(id);
        redirect.addFlashAttribute("message", "scheduling.room.deactivated");
        return "redirect:" + ROOMS;
    }

    @PostMapping("/rooms/{id}/activate")
    String activateRoom(@PathVariable Long id, RedirectAttributes redirect) {
        administration.activateRoom(id);
        redirect.addFlashAttribute("message", "scheduling.room.activated");
        return "redirect:" + ROOMS;
    }

    private String closuresPage(Model model) {
        model.addAttribute("closures", administration.upcomingClosures());
        return "scheduling/closures";
    }

    private String roomsPage(Model model) {
        model.addAttribute("locationRooms", administration.roomsByLocation());
        return "scheduling/rooms";
    }
}
