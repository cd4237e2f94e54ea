package com.coursebook.security.web;

import com.coursebook.security.PasswordForm;
import com.coursebook.security.StaffAdministration;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Every signed-in person's own password ({@code currentPassword}, {@code newPassword}): 204, or 400 naming the field. */
@RestController
@RequestMapping("/api/account")
class AccountApiController {

    private final StaffAdministration staff;

    AccountApiController(StaffAdministration staff) {
        this.staff = staff;
    }

    @PutMapping("/password")
    ResponseEntity<Void> changePassword(@RequestBody PasswordForm form) {
        staff.changeOwnPassword(form);
        return ResponseEntity.noContent().build();
    }
}
