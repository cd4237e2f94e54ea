package com.coursebook.security.web;

import java.util.List;

import com.coursebook.security.PasswordForm;
import com.coursebook.security.StaffAdministration;
import com.coursebook.security.StaffForm;
import com.coursebook.security.StaffView;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The logins as JSON, for admins only (the URL rule and the service both say so). Never a password or its hash. */
@RestController
@RequestMapping("/api/users")
class StaffApiController {

    private final StaffAdministration staff;

    StaffApiController(StaffAdministration staff) {
        this.staff = staff;
    }

    @GetMapping
    List<StaffView> list() {
        return staff.list();
    }

    @GetMapping("/{id}")
    StaffView get(@PathVariable Long id) {
        return staff.get(id);
    }

    /** 201 with the login; it must change the temporary password at its first sign-in. */
    @PostMapping
    ResponseEntity<StaffView> create(@Valid @RequestBody StaffForm form) {
        StaffView created = staff.create(form);
        return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/users/" + created.id()).body(created);
    }

    /** Name, roles, practitioner, language, with the version last read (409 if changed meanwhile). */
    @PutMapping("/{id}")
    StaffView update(@PathVariable Long id, @Valid @RequestBody StaffForm form) {
        return staff.update(id, form);
    }

    @PostMapping("/{id}/disable")
    StaffView disable(@PathVariable Long id) {
        return staff.disable(id);
    }

    @PostMapping("/{id}/enable")
    StaffView enable(@PathVariable Long id) {
        return staff.enable(id);
    }

    /** A temporary password ({@code newPassword}), to be changed at the next sign-in. */
    @PutMapping("/{id}/password")
    StaffView temporaryPassword(@PathVariable Long id, @RequestBody PasswordForm form) {
        return staff.setTemporaryPassword(id, form.getNewPassword());
    }
}
