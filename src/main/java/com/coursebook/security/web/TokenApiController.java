package com.coursebook.security.web;

import java.time.LocalDateTime;
import java.util.List;

import com.coursebook.security.Staff;
import com.coursebook.security.internal.ApiTokens;
import com.coursebook.shared.ClinicClock;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's own API tokens: list, revoke one or all. Made only on the screen (see {@link #create}). */
@RestController
@RequestMapping("/api/tokens")
class TokenApiController {

    private final ApiTokens tokens;

    private final ClinicClock clock;

    private final MessageSource messages;

    TokenApiController(ApiTokens tokens, ClinicClock clock, MessageSource messages) {
        this.tokens = tokens;
        this.clock = clock;
        this.messages = messages;
    }

    /** A token as listed, times local to the clinic like the rest of the API; never the token itself. */
    record TokenAnswer(long id, String name, LocalDateTime createdAt, String createdBy, LocalDateTime lastUsedAt,
            LocalDateTime expiresAt, LocalDateTime revokedAt, boolean active) {
    }

    @GetMapping
    List<TokenAnswer> mine() {
        return tokens.of(Staff.currentName()).stream().map(t -> new TokenAnswer(t.id(), t.name(), local(t.createdAt()),
                t.createdBy(), local(t.lastUsedAt()), local(t.expiresAt()), local(t.revokedAt()), t.active())).toList();
    }

    /**
     * Refused to every caller, in words: a token is made only on the API tokens screen, in a browser signed in with
     * the password, which is asked again. Through the API a token could make another that outlives it, and a
     * script's HTTP Basic password could mint credentials no person sees made.
     */
    @PostMapping
    ResponseEntity<ProblemDetail> create() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, text("token.api.create"));
        problem.setTitle(text("token.api.create.title"));
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }

    /** "Revoke all": every working token of the caller's, this one too if it came with one. */
    @DeleteMapping
    ResponseEntity<Void> revokeAll() {
        tokens.revokeAll(Staff.currentName(), Staff.currentName());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        tokens.revoke(id, Staff.currentName(), Staff.currentName());
        return ResponseEntity.noContent().build();
    }

    private String text(String code) {
        return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
    }

    private LocalDateTime local(java.time.Instant instant) {
        return instant == null ? null : clock.toLocal(instant);
    }
}
