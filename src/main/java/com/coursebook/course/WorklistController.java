package com.coursebook.course;


import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class WorklistController {

    private final Worklist worklist;

    private final SessionService sessions;

    private final com.coursebook.catalog.Catalog catalog;

    WorklistController(Worklist worklist, SessionService sessions, com.coursebook.catalog.Catalog catalog) {
        this.worklist = worklist;
        this.sessions = sessions;
        this.catalog = catalog;
    }

    @GetMapping("/worklist")
    String worklist(Model model, java.util.Locale locale) {
        // Programs by name in the reader's language, never by code.
        model.addAttribute("programNames", catalog.programs(locale).stream().collect(
                java.util.stream.Collectors.toMap(p -> p.code(), p -> p.name(), (a, b) -> a)));
        model.addAttribute("items", worklist.needingAttention());
        model.addAttribute("gaps", worklist.coursesWithGaps());
        model.addAttribute("past", worklist.pastStillBooked());
        model.addAttribute("confirmations", worklist.tomorrowsConfirmations());
        return "course/worklist";
    }

    /** Reception books a replacement for a missed session from the worklist. */
    @org.springframework.web.bind.annotation.PostMapping("/worklist/courses/{id}/sessions")
    String rebook(@org.springframework.web.bind.annotation.PathVariable Long id,
            @org.springframework.web.bind.annotation.RequestParam(required = false)
            @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE_TIME)
            java.time.LocalDateTime startsAt, java.util.Locale locale,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        if (startsAt == null) {
            redirect.addFlashAttribute("problem", "session.move.startsAt.required");
            return "redirect:/worklist";
        }
        try {
            sessions.fillGap(id, startsAt, locale);
            redirect.addFlashAttribute("message", "worklist.rebooked");
        }
        catch (BookingRefusedException ex) {
            redirect.addFlashAttribute("problem", "session.move.refused");
            redirect.addFlashAttribute("findings", ex.check().findings());
        }
        catch (SlotTakenException ex) {
            redirect.addFlashAttribute("problem", "problem.slotTaken.detail.null");
        }
        catch (com.coursebook.shared.LocalizedException ex) {
            redirect.addFlashAttribute("problem", ex.messageCode());
        }
        return "redirect:/worklist";
    }
}
