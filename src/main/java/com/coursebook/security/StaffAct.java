package com.coursebook.security;

import com.coursebook.audit.Audited;

/**
 * What an admin (or the person) did to a login, registered by {@link AppUser} and written to the audit trail when
 * the login is saved: who (the trail's actor), what, and the old and new values. Never a password or its hash.
 */
public sealed interface StaffAct extends Audited {

    @Override
    default String entityType() {
        return "APP_USER";
    }

    @Override
    default Long patientId() {
        return null;
    }

    /** A new login. Holds the login: its id exists only once it is stored. */
    record Created(AppUser user, String details) implements StaffAct {

        @Override
        public Long entityId() {
            return user.getId();
        }

        @Override
        public String action() {
            return "CREATE";
        }
    }

    /** Name, roles, practitioner or language changed: "field: old → new" for each. */
    record Revised(Long entityId, String details) implements StaffAct {

        @Override
        public String action() {
            return "UPDATE";
        }
    }

    record Disabled(Long entityId) implements StaffAct {

        @Override
        public String action() {
            return "DISABLE";
        }

        @Override
        public String details() {
            return "enabled: true → false";
        }
    }

    record Enabled(Long entityId) implements StaffAct {

        @Override
        public String action() {
            return "ENABLE";
        }

        @Override
        public String details() {
            return "enabled: false → true";
        }
    }

    /** An admin set a temporary password; the line says so, and nothing about the password. */
    record TemporaryPasswordSet(Long entityId) implements StaffAct {

        @Override
        public String action() {
            return "TEMPORARY_PASSWORD";
        }

        @Override
        public String details() {
            return "mustChangePassword: true";
        }
    }

    /** The person chose a new password of their own. */
    record PasswordChanged(Long entityId) implements StaffAct {

        @Override
        public String action() {
            return "PASSWORD_CHANGED";
        }
    }
}
