package com.coursebook.patient;

import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.coursebook.shared.Sex;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What a receptionist types (screen) or a system sends (JSON API) to register or correct a patient.
 * One class for both so the two can never validate differently.
 */
public class PatientForm {

    @NotBlank(message = "{patient.givenName.required}")
    @Size(max = 100, message = "{field.tooLong}")
    private String givenName;

    @Size(max = 100, message = "{field.tooLong}")
    private String middleName;

    @NotBlank(message = "{patient.familyName.required}")
    @Size(max = 100, message = "{field.tooLong}")
    private String familyName;

    @NotNull(message = "{patient.birthDate.required}")
    @PlausibleBirthDate
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate birthDate;

    @NotNull(message = "{patient.sex.required}")
    private Sex sex;

    @Pattern(regexp = "^$|^\\+?[0-9][0-9 ()\\-]{5,22}[0-9]$", message = "{patient.phone.invalid}")
    private String phone;

    @Email(regexp = "^$|^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "{patient.email.invalid}")
    @Size(max = 200, message = "{field.tooLong}")
    private String email;

    @Size(max = 300, message = "{field.tooLong}")
    private String address;

    // "Today" by the validator's clock, which is the clinic's (platform/PlatformConfiguration), not the server's.
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    @PastOrPresent(message = "{patient.lastPeriodStart.future}")
    private LocalDate lastPeriodStart;

    @Min(value = 15, message = "{patient.cycleLength.range}")
    @Max(value = 60, message = "{patient.cycleLength.range}")
    private Integer cycleLengthDays;

    @Min(value = 1, message = "{patient.periodLength.range}")
    @Max(value = 14, message = "{patient.periodLength.range}")
    private Integer periodLengthDays;

    /** Set when the user has seen the possible-duplicate warning and registers anyway. */
    private boolean confirmDuplicate;

    /** The version the user edited, so a concurrent change is detected instead of overwritten. */
    private Long version;

    public static PatientForm of(Patient patient) {
        PatientForm form = new PatientForm();
        form.givenName = patient.getGivenName();
        form.middleName = patient.getMiddleName();
        form.familyName = patient.getFamilyName();
        form.birthDate = patient.getBirthDate();
        form.sex = patient.getSex();
        form.phone = patient.getPhone();
        form.email = patient.getEmail();
        form.address = patient.getAddress();
        form.lastPeriodStart = patient.getLastPeriodStart();
        form.cycleLengthDays = patient.getCycleLengthDays();
        form.periodLengthDays = patient.getPeriodLengthDays();
        form.version = patient.getVersion();
        return form;
    }

    PatientDetails toDetails() {
        return new PatientDetails(trim(givenName), blankToNull(middleName), trim(familyName), birthDate, sex,
                blankToNull(phone), blankToNull(email), blankToNull(address), lastPeriodStart, cycleLengthDays,
                periodLengthDays);
    }

    private static String trim(String value) {
        return value == null ? null : value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String getGivenName() {
        return givenName;
    }

    public void setGivenName(String givenName) {
        this.givenName = givenName;
    }

    public String getMiddleName() {
        return middleName;
    }

    public void setMiddleName(String middleName) {
        this.middleName = middleName;
    }

    public String getFamilyName() {
        return familyName;
    }

    public void setFamilyName(String familyName) {
        this.familyName = familyName;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(LocalDate birthDate) {
        this.birthDate = birthDate;
    }

    public Sex getSex() {
        return sex;
    }

    public void setSex(Sex sex) {
        this.sex = sex;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public LocalDate getLastPeriodStart() {
        return lastPeriodStart;
    }

    public void setLastPeriodStart(LocalDate lastPeriodStart) {
        this.lastPeriodStart = lastPeriodStart;
    }

    public Integer getCycleLengthDays() {
        return cycleLengthDays;
    }

    public void setCycleLengthDays(Integer cycleLengthDays) {
        this.cycleLengthDays = cycleLengthDays;
    }

    public Integer getPeriodLengthDays() {
        return periodLengthDays;
    }

    public void setPeriodLengthDays(Integer periodLengthDays) {
        this.periodLengthDays = periodLengthDays;
    }

    public boolean isConfirmDuplicate() {
        return confirmDuplicate;
    }

    public void setConfirmDuplicate(boolean confirmDuplicate) {
        this.confirmDuplicate = confirmDuplicate;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
