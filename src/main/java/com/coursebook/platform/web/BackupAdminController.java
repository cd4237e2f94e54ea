package com.coursebook.platform.web;

import com.coursebook.platform.backup.Backups;
import com.coursebook.security.Staff;
import com.coursebook.shared.ClinicClock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's backups page (/admin/**, admins only): the last backup's time, size and outcome, the backups kept, and
 * "Back up now". With an external database the app takes none (pg_dump does; docs/operations.md) and the page says so.
 */
@Controller
@RequestMapping("/admin/backups")
class BackupAdminController {

    private static final String PAGE = "/admin/backups";

    private final ObjectProvider<Backups> backups;

    private final ClinicClock clock;

    BackupAdminController(ObjectProvider<Backups> backups, ClinicClock clock) {
        this.backups = backups;
        this.clock = clock;
    }

    @GetMapping
    String page(Model model) {
        Backups embedded = backups.getIfAvailable();
        model.addAttribute("embedded", embedded != null);
        if (embedded != null) {
            model.addAttribute("last", embedded.last().orElse(null));
            model.addAttribute("kept", embedded.kept());
            model.addAttribute("directory", embedded.directory().toString());
        }
        model.addAttribute("zone", clock.zone());
        return "platform/backups";
    }

    @PostMapping
    String backUpNow(RedirectAttributes redirect) {
        Backups embedded = backups.getIfAvailable();
        if (embedded == null) {
            return "redirect:" + PAGE;
        }
        embedded.backUpNow(Staff.currentName()).ifPresentOrElse(run -> {
            if (run.outcome() == Backups.Outcome.SUCCEEDED) {
                redirect.addFlashAttribute("message", "backup.taken");
            }
            else {
                redirect.addFlashAttribute("problem", "backup.failed");
            }
        }, () -> redirect.addFlashAttribute("problem", "backup.busy"));
        return "redirect:" + PAGE;
    }
}
