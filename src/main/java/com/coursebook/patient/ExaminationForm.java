package com.coursebook.patient;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** A clinician's examination before a program: does it clear the patient for the course? */
public class ExaminationForm {

    @NotBlank(message = "{examination.program.required}")
    private String programCode;

    @NotNull(message = "{examination.date.required}")
    @PastOrPresent(message = "{examination.date.future}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate examinedOn;

    @NotNull(message = "{examination.cleared.required}")
    private Boolean cleared;

    @Size(max = 4000, message = "{field.tooLong}")
    private String findings;

    public String getProgramCode() {
        return programCode;
    }

    public void setProgramCode(String programCode) {
        this.programCode = programCode;
    }

    public LocalDate getExaminedOn() {
        return examinedOn;
    }

    public void setExaminedOn(LocalDate examinedOn) {
        this.examinedOn = examinedOn;
    }

    public Boolean getCleared() {
        return cleared;
    }

    public void setCleared(Boolean cleared) {
        this.cleared = cleared;
    }

    public String getFindings() {
        return findings;
    }

    public void setFindings(String findings) {
        this.findings = findings;
    }
}
