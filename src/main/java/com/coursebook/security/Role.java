package com.coursebook.security;

/** Staff roles, least privilege: a receptionist never reads clinical content, an admin runs the clinic. */
public enum Role {
    RECEPTIONIST, CLINICIAN, ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
