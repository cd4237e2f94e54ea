package com.coursebook.catalog.web;

import com.coursebook.shared.Forms;
import com.coursebook.catalog.Catalog;
import com.coursebook.catalog.CatalogAdministration;
import com.coursebook.catalog.ContraindicationDetails;
import com.coursebook.catalog.ContraindicationForm;
import com.coursebook.catalog.ProgramDetails;
import com.coursebook.catalog.ProgramForm;
import java.util.List;
import java.util.Locale;

import com.coursebook.catalog.NewContraindicationForm;
import com.coursebook.catalog.NewProgramForm;
import com.coursebook.catalog.RoomType;
import com.coursebook.catalog.Specialty;

import jakarta.validation.Valid;


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

/** The admin's catalog screens: revise a contraindication or a treatment program, then back to the catalog. */
@Controller
@RequestMapping("/admin/catalog")
class CatalogAdminController {

    private static final String CONTRAINDICATION_FORM = "catalog/contraindication-form";

    private static final String PROGRAM_FORM = "catalog/program-form";

    private final Catalog catalog;

    private final CatalogAdministration administration;

    CatalogAdminController(Catalog catalog, CatalogAdministration administration) {
        this.catalog = catalog;
        this.administration = administration;
    }

    /**
     * The code names the row in the URL; a posted one must never retarget an edit. The edit forms have no code to
     * bind (only the new entries' forms take one), and no form binds an id.
     */
    @InitBinder({ "contraindicationForm", "programForm" })
    void refuseId(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @ModelAttribute("roomTypes")
    List<RoomType> roomTypes() {
        return catalog.roomTypes().stream().filter(RoomType::isActive).toList();
    }

    @ModelAttribute("specialties")
    Specialty[] specialties() {
        return Specialty.values();
    }

    @GetMapping("/programs/new")
    String newProgram(Model model) {
        model.addAttribute("programForm", new NewProgramForm());
        return PROGRAM_FORM;
    }

    @PostMapping("/programs")
    String addProgram(@Valid @ModelAttribute("programForm") NewProgramForm form, BindingResult result,
            RedirectAttributes redirect) {
        if (Forms.accepted(result, () -> administration.createProgram(form))) {
            redirect.addFlashAttribute("message", "catalog.program.added");
            return "redirect:/catalog";
        }
        return PROGRAM_FORM;
    }

    @GetMapping("/contraindications/new")
    String newContraindication(Locale locale, Model model) {
        model.addAttribute("contraindicationForm", new NewContraindicationForm());
        model.addAttribute("programs", catalog.programs(locale));
        return CONTRAINDICATION_FORM;
    }

    @PostMapping("/contraindications")
    String addContraindication(@Valid @ModelAttribute("contraindicationForm") NewContraindicationForm form,
            BindingResult result, Locale locale, Model model, RedirectAttributes redirect) {
        if (Forms.accepted(result, () -> administration.createContraindication(form))) {
            redirect.addFlashAttribute("message", "catalog.contraindication.added");
            return "redirect:/catalog";
        }
        model.addAttribute("programs", catalog.programs(locale));
        return CONTRAINDICATION_FORM;
    }

    @GetMapping("/contraindications/{code}")
    String editContraindication(@PathVariable String code, Locale locale, Model model) {
        ContraindicationDetails details = catalog.contraindicationDetails(code);
        model.addAttribute("contraindicationForm", ContraindicationForm.of(details));
        return showContraindication(details, locale, model);
    }

    @PostMapping("/contraindications/{code}")
    String reviseContraindication(@PathVariable String code,
            @Valid @ModelAttribute("contraindicationForm") ContraindicationForm form, BindingResult result,
            Locale locale, Model model, RedirectAttributes redirect) {
        if (Forms.accepted(result, () -> administration.reviseContraindication(code, form))) {
            redirect.addFlashAttribute("message", "catalog.contraindication.saved");
            return "redirect:/catalog";
        }
        return showContraindication(catalog.contraindicationDetails(code), locale, model);
    }

    @GetMapping("/programs/{code}")
    String editProgram(@PathVariable String code, Model model) {
        ProgramDetails details = catalog.programDetails(code);
        model.addAttribute("programForm", ProgramForm.of(details));
        model.addAttribute("program", details);
        return PROGRAM_FORM;
    }

    @PostMapping("/programs/{code}")
    String reviseProgram(@PathVariable String code, @Valid @ModelAttribute("programForm") ProgramForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (Forms.accepted(result, () -> administration.reviseProgram(code, form))) {
            redirect.addFlashAttribute("message", "catalog.program.saved");
            return "redirect:/catalog";
        }
        model.addAttribute("program", catalog.programDetails(code));
        return PROGRAM_FORM;
    }

    private String showContraindication(ContraindicationDetails details, Locale locale, Model model) {
        model.addAttribute("contraindication", details);
        model.addAttribute("programs", catalog.programs(locale));
        return CONTRAINDICATION_FORM;
    }
}
