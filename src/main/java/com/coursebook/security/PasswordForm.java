package com.coursebook.security;

/**
 * A new password: the person's own (with the current one, and typed twice on the screen), or a temporary one an admin
 * sets (only {@code newPassword}). The policy is checked by the service, so the screen and the API say the same.
 */
public class PasswordForm {

    private String currentPassword;

    private String newPassword;

    /** The screen asks twice; the API may leave it out. */
    private String confirmPassword;

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getConfirmPassword() {
        return confirmPassword;
    }

    public void setConfirmPassword(String confirmPassword) {
        this.confirmPassword = confirmPassword;
    }
}
