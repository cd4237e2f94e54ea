package com.coursebook.notes.web;

import com.coursebook.shared.Forms;
import com.coursebook.shared.ReturnsTo;
import com.coursebook.notes.AmendmentForm;
import com.coursebook.notes.NoteForm;
import com.coursebook.notes.NoteService;
import com.coursebook.notes.NoteWorkspace;
import java.util.Locale;

import jakarta.validation.Valid;


import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The note screen: the form beside the previous session's signed note. A refused form is shown again as
 * typed; a refused signature keeps the draft saved, so nothing is ever lost.
 */
@Controller
@RequestMapping("/sessions/{sessionId}/note")
class NoteController {

    private static final String VIEW = "notes/note";

    private static final String BINDING = "org.springframework.validation.BindingResult.";

    /** Refusals of a signature after which the draft saved with it stays (NoteService.saveAndSign). */
    private static final java.util.Set<String> DRAFT_KEPT = java.util.Set.of("note.incomplete.draftKept",
            "note.sign.early");

    private final NoteService notes;

    NoteController(NoteService notes) {
        this.notes = notes;
    }

    @GetMapping
    String show(@PathVariable Long sessionId, Model model, Locale locale) {
        NoteWorkspace workspace = notes.workspace(sessionId, locale);
        if (!model.containsAttribute("noteForm")) {
            model.addAttribute("noteForm", NoteForm.of(workspace.startingContent(),
                    workspace.note() == null ? null : workspace.note().version()));
        }
        return render(workspace, model);
    }

    /**
     * "Save draft" or "Sign" (which saves first); both post the whole form. A session cancelled or marked missed at
     * the same moment (refused by the database's last guard) brings the clinician back to the note with the reason.
     */
    @PostMapping
    @ReturnsTo("/sessions/{sessionId}/note")
    String save(@PathVariable Long sessionId, @Valid @ModelAttribute("noteForm") NoteForm form, BindingResult result,
            @RequestParam(defaultValue = "draft") String action, Model model, Locale locale,
            RedirectAttributes redirect) {
        boolean signing = "sign".equals(action);
        var signed = new java.util.concurrent.atomic.AtomicReference<com.coursebook.notes.NoteView>();
        if (Forms.accepted(result, () -> {
            if (signing) {
                signed.set(notes.saveAndSign(sessionId, form.toContent(), form.getVersion()));
            }
            else {
                notes.saveDraft(sessionId, form.toContent(), form.getVersion());
            }
        })) {
            redirect.addFlashAttribute("message", signing ? "note.signedNow" : "note.saved");
            if (signed.get() != null && signed.get().heldForReview() != null) {
                redirect.addFlashAttribute("heldForReview", signed.get().heldForReview()); // said on the page
            }
            return "redirect:/sessions/" + sessionId + "/note";
        }
        NoteWorkspace workspace = notes.workspace(sessionId, locale);
        if (signing && result.getGlobalErrors().stream().anyMatch(e -> DRAFT_KEPT.contains(e.getCode()))) {
            form.setVersion(workspace.note().version()); // this request saved the draft; the next save builds on it
            if (result.getGlobalErrors().stream().noneMatch(e -> "note.incomplete.draftKept".equals(e.getCode()))) {
                result.reject("note.draftKept");
            }
        }
        return render(workspace, model);
    }

    @PostMapping("/amendments")
    String amend(@PathVariable Long sessionId, @Valid @ModelAttribute("amendmentForm") AmendmentForm form,
            BindingResult result, RedirectAttributes redirect) {
        if (Forms.accepted(result, () -> notes.amendNoteOfSession(sessionId, form.getReason(), form.getText()))) {
            redirect.addFlashAttribute("message", "note.amended");
            return "redirect:/sessions/" + sessionId + "/note#amendments";
        }
        redirect.addFlashAttribute("amendmentForm", form);
        redirect.addFlashAttribute(BINDING + "amendmentForm", result);
        return "redirect:/sessions/" + sessionId + "/note#amendment-form";
    }

    private static String render(NoteWorkspace workspace, Model model) {
        model.addAttribute("workspace", workspace);
        if (!model.containsAttribute("amendmentForm")) {
            model.addAttribute("amendmentForm", new AmendmentForm());
        }
        return VIEW;
    }
}
