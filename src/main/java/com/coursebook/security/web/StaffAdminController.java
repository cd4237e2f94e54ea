package com.coursebook.security.web;

import java.util.List;

import com.coursebook.security.PasswordForm;
import com.coursebook.security.Role;
import com.coursebook.security.StaffAdministration;
import com.coursebook.security.StaffForm;
import com.coursebook.shared.Forms;
import com.coursebook.shared.ReturnsTo;
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

/** The admin's staff pages: every login, a new one, and one login's page (edit, disable or enable, new password). */
@Controller
@RequestMapping("/admin/staff")
class StaffAdminController {

    private static final String LIST = "/admin/staff";

    private final StaffAdministration staff;

    StaffAdminController(StaffAdministration staff) {
        this.staff = staff;
    }

    @ModelAttribute("allRoles")
    List<Role> roles() {
        return List.of(Role.values());
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("users", staff.list());
        return "staff/list";
    }

    @GetMapping("/new")
    String create(Model model) {
        model.addAttribute("staffForm", new StaffForm());
        return form(model);
    }

    @PostMapping("/new")
    String create(@Valid @ModelAttribute("staffForm") StaffForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        return Forms.submit(result, () -> staff.create(form), field -> field).map(created -> {
            redirect.addFlashAttribute("message", "staff.flash.created");
            return "redirect:" + LIST + "/" + created.id();
        }).orElseGet(() -> form(model));
    }

    @GetMapping("/{id}")
    String edit(@PathVariable Long id, Model model) {
        model.addAttribute("staffForm", StaffForm.of(staff.get(id)));
        return page(id, model);
    }

    @PostMapping("/{id}")
    String update(@PathVariable Long id, @Valid @ModelAttribute("staffForm") StaffForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        if (Forms.accepted(result, () -> staff.update(id, form))) {
            redirect.addFlashAttribute("message", "staff.flash.updated");
            return "redirect:" + LIST + "/" + id;
        }
        return page(id, model);
    }

    @PostMapping("/{id}/password")
    String temporaryPassword(@PathVariable Long id, @ModelAttribute("passwordForm") PasswordForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (Forms.accepted(result, () -> staff.setTemporaryPassword(id, form.getNewPassword()))) {
            redirect.addFlashAttribute("message", "staff.flash.passwordSet");
            return "redirect:" + LIST + "/" + id;
        }
        model.addAttribute("staffForm", StaffForm.of(staff.get(id)));
        return page(id, model);
    }

    @PostMapping("/{id}/disable")
    @ReturnsTo(LIST + "/{id}")
    String disable(@PathVariable Long id, RedirectAttributes redirect) {
        staff.disable(id);
        redirect.addFlashAttribute("message", "staff.flash.disabled");
        return "redirect:" + LIST + "/" + id;
    }

    @PostMapping("/{id}/enable")
    @ReturnsTo(LIST + "/{id}")
    String enable(@PathVariable Long id, RedirectAttributes redirect) {
        staff.enable(id);
        redirect.addFlashAttribute("message", "staff.flash.enabled");
        return "redirect:" + LIST + "/" + id;
    }

    /** The login's page with both forms; the one that was posted keeps its errors. */
    private String page(Long id, Model model) {
        model.addAttribute("user", staff.get(id));
        if (!model.containsAttribute("passwordForm")) {
            model.addAttribute("passwordForm", new PasswordForm());
        }
        return form(model);
    }

    private String form(Model model) {
        model.addAttribute("practitioners", staff.practitioners());
        return "staff/form";
    }
}
