package com.coursebook.notes.web;

import com.coursebook.notes.AmendmentForm;
import com.coursebook.notes.NoteForm;
import com.coursebook.notes.NoteService;
import com.coursebook.notes.NoteView;
import java.net.URI;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Session notes for clinicians: draft, sign, amend, read. Receptionists are refused at the door (403). */
@RestController
class NoteApiController {

    private final NoteService notes;

    private final MessageSource messages;

    NoteApiController(NoteService notes, MessageSource messages) {
        this.notes = notes;
        this.messages = messages;
    }

    /** Creates the session's draft (201) or replaces what it says (200). */
    @PostMapping("/api/sessions/{id}/notes")
    ResponseEntity<NoteView> saveDraft(@PathVariable Long id, @Valid @RequestBody NoteForm form) {
        NoteService.Saved saved = notes.saveDraft(id, form.toContent(), form.getVersion());
        return saved.created()
                // a path, never built from the request's Host header (which the client writes)
                ? ResponseEntity.created(URI.create("/api/sessions/" + id + "/notes"))
                        .body(saved.note())
                : ResponseEntity.ok(saved.note());
    }

    @GetMapping("/api/sessions/{id}/notes")
    NoteView note(@PathVariable Long id) {
        return notes.noteOfSession(id);
    }

    @PutMapping("/api/notes/{id}")
    NoteView updateDraft(@PathVariable Long id, @Valid @RequestBody NoteForm form) {
        return notes.updateDraft(id, form.toContent(), form.getVersion());
    }

    @PostMapping("/api/notes/{id}/sign")
    NoteView sign(@PathVariable Long id) {
        NoteView signed = notes.sign(id);
        // the reason is stored as the application's phrases: said here in the caller's language
        return signed.heldForReview() == null ? signed
                : signed.heldForReview(com.coursebook.shared.Phrase.render(signed.heldForReview(),
                        p -> messages.getMessage(p.code(), p.arguments().toArray(), p.stored(),
                                LocaleContextHolder.getLocale())));
    }

    @PostMapping("/api/notes/{id}/amendments")
    ResponseEntity<NoteView.AmendmentView> amend(@PathVariable Long id, @Valid @RequestBody AmendmentForm form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(notes.amend(id, form.getReason(), form.getText()));
    }

    private String text(String code) {
        return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
    }
}
