package com.coursebook.security.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A new API token, made on its owner's API tokens screen: a name they recognise, the last day it works (blank: until
 * revoked), and their password typed again. The service checks the values (name given, date ahead, password right).
 */
public class TokenForm {

    private String name;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate expiresOn;

    private String currentPassword;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public LocalDate getExpiresOn() {
        return expiresOn;
    }

    public void setExpiresOn(LocalDate expiresOn) {
        this.expiresOn = expiresOn;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }
}
