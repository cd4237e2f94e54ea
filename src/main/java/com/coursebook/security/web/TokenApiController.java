package com.coursebook.security.web;

import java.net.URI;
import java.time.LocalDateTime;
import java.util.List;

import com.coursebook.security.Staff;
import com.coursebook.security.internal.ApiTokens;
import com.coursebook.shared.ClinicClock;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's own API tokens: create (the token is in this one answer), list, revoke. */
@RestController
@RequestMapping("/api/tokens")
class TokenApiController {

    private final ApiTokens tokens;

    private final ClinicClock clock;

    TokenApiController(ApiTokens tokens, ClinicClock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** A token as listed, times local to the clinic like the rest of the API; never the token itself. */
    record TokenAnswer(long id, String name, LocalDateTime createdAt, String createdBy, LocalDateTime lastUsedAt,
            LocalDateTime expiresAt, LocalDateTime revokedAt, boolean active) {
    }

    /** The new token, shown this once. */
    record CreatedAnswer(long id, String name, String token, LocalDateTime createdAt, LocalDateTime expiresAt) {
    }

    @GetMapping
    List<TokenAnswer> mine() {
        return tokens.of(Staff.currentName()).stream().map(t -> new TokenAnswer(t.id(), t.name(), local(t.createdAt()),
                t.createdBy(), local(t.lastUsedAt()), local(t.expiresAt()), local(t.revokedAt()), t.active())).toList();
    }

    @PostMapping
    ResponseEntity<CreatedAnswer> create(@RequestBody TokenForm form) {
        String me = Staff.currentName();
        ApiTokens.Created created = tokens.create(me, form.getName(), form.getExpiresOn(), me);
        return ResponseEntity.created(URI.create("/api/tokens/" + created.id())).body(new CreatedAnswer(created.id(),
                created.name(), created.token(), local(created.createdAt()), local(created.expiresAt())));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        tokens.revoke(id, Staff.currentName(), Staff.currentName());
        return ResponseEntity.noContent().build();
    }

    private LocalDateTime local(java.time.Instant instant) {
        return instant == null ? null : clock.toLocal(instant);
    }
}
