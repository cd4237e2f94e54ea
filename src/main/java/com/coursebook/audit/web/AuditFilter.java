package com.coursebook.audit.web;

import java.util.Optional;
import java.util.function.Function;

import java.time.LocalDate;
import java.util.Locale;

import com.coursebook.audit.AuditLog;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.BindingResult;

/** The audit screen's filter as typed; {@link #check} turns bad input into field errors, never a failed page. */
public class AuditFilter {

    /** The patient's record number (CB-001041, or 1041). */
    private String patient;

    private String user;

    private String action;

    private Boolean notes;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate from;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate to;

    /** The query, or null with the problems on the form. */
    AuditLog.Query check(BindingResult result, Function<String, Optional<Long>> patientOfRecord) {
        Long patientId = null;
        String record = blankToNull(patient);
        if (record != null) {
            patientId = patientOfRecord.apply(record).orElse(null);
            if (patientId == null) {
                result.rejectValue("patient", "audit.filter.patient.unknown");
            }
        }
        String actor = blankToNull(user);
        if (actor != null && actor.length() > 100) {
            result.rejectValue("user", "audit.filter.user.tooLong");
        }
        String act = blankToNull(action);
        if (act != null) {
            act = act.toUpperCase(Locale.ROOT);
            if (!act.matches("[A-Z_]{1,40}")) {
                result.rejectValue("action", "audit.filter.action.invalid");
            }
        }
        if (from != null && to != null && to.isBefore(from)) {
            result.rejectValue("to", "audit.filter.to.beforeFrom");
        }
        return result.hasErrors() ? null : new AuditLog.Query(patientId, actor, act, Boolean.TRUE.equals(notes), from, to);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String getPatient() {
        return patient;
    }

    public void setPatient(String patient) {
        this.patient = patient;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public Boolean getNotes() {
        return notes;
    }

    public void setNotes(Boolean notes) {
        this.notes = notes;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
