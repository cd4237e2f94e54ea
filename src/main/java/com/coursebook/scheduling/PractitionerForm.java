package com.coursebook.scheduling;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.coursebook.catalog.Specialty;
import com.coursebook.catalog.TreatmentProgram;

/** A practitioner as the admin's screen and the API's body give them. */
public class PractitionerForm {

    @NotBlank(message = "{scheduling.practitioner.name.required}")
    @Size(max = Practitioner.NAME_MAX_LENGTH, message = "{field.tooLong}")
    private String givenName;

    @NotBlank(message = "{scheduling.practitioner.name.required}")
    @Size(max = Practitioner.NAME_MAX_LENGTH, message = "{field.tooLong}")
    private String familyName;

    @NotNull(message = "{scheduling.practitioner.specialty.required}")
    private Specialty specialty;

    /** Where they work; null: no location yet. */
    private Long locationId;

    /** Codes of the programs they are qualified for. */
    @NotNull(message = "{catalog.programs.required}")
    private Set<String> programs = new LinkedHashSet<>();

    /** On an edit, the version the admin saw; null on a new practitioner. */
    private Long version;

    public static PractitionerForm of(Practitioner practitioner) {
        PractitionerForm form = new PractitionerForm();
        form.givenName = practitioner.getGivenName();
        form.familyName = practitioner.getFamilyName();
        form.specialty = practitioner.getSpecialty();
        form.locationId = practitioner.getLocation() == null ? null : practitioner.getLocation().getId();
        form.programs = new LinkedHashSet<>(practitioner.getPrograms().stream().map(TreatmentProgram::getCode)
                .sorted().toList());
        form.version = practitioner.getVersion();
        return form;
    }

    public String getGivenName() {
        return givenName;
    }

    public void setGivenName(String givenName) {
        this.givenName = givenName;
    }

    public String getFamilyName() {
        return familyName;
    }

    public void setFamilyName(String familyName) {
        this.familyName = familyName;
    }

    public Specialty getSpecialty() {
        return specialty;
    }

    public void setSpecialty(Specialty specialty) {
        this.specialty = specialty;
    }

    public Long getLocationId() {
        return locationId;
    }

    public void setLocationId(Long locationId) {
        this.locationId = locationId;
    }

    public Set<String> getPrograms() {
        return programs;
    }

    public void setPrograms(Set<String> programs) {
        this.programs = programs;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
