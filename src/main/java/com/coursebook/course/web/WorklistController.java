package com.coursebook.course.web;



import com.coursebook.course.SessionService;
import com.coursebook.course.Worklist;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class WorklistController {

    private final Worklist worklist;

    private final SessionService sessions;

    WorklistController(Worklist worklist, SessionService sessions) {
        this.worklist = worklist;
        this.sessions = sessions;
    }

    @GetMapping("/worklist")
    String worklist(Model model) {
        model.addAttribute("items", worklist.needingAttention());
        model.addAttribute("gaps", worklist.coursesWithGaps());
        model.addAttribute("past", worklist.pastStillBooked());
        model.addAttribute("confirmations", worklist.tomorrowsConfirmations());
        return "course/worklist";
    }

    /** Reception books a replacement for a missed session from the worklist. */
    @org.springframework.web.bind.annotation.PostMapping("/worklist/courses/{id}/sessions")
    @com.coursebook.shared.ReturnsTo("/worklist")
    String rebook(@org.springframework.web.bind.annotation.PathVariable Long id,
            @org.springframework.web.bind.annotation.RequestParam(required = false)
            @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE_TIME)
            java.time.LocalDateTime startsAt,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        if (startsAt == null) {
            redirect.addFlashAttribute("problem", "session.move.startsAt.required");
            return "redirect:/worklist";
        }
        sessions.fillGap(id, startsAt);
        redirect.addFlashAttribute("message", "worklist.rebooked");
        return "redirect:/worklist";
    }
}
