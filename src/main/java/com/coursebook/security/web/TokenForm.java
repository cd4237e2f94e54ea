package com.coursebook.security.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A new API token, from the screens and the API alike: a name its owner recognises, the last day it works (blank:
 * until revoked), and for the admin's form, whose it is. The service checks the values (name given, date ahead).
 */
public class TokenForm {

    private String name;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate expiresOn;

    private String owner;

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

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }
}
