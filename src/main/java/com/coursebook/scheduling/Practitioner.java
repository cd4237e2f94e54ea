package com.coursebook.scheduling;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import com.coursebook.catalog.Specialty;
import com.coursebook.catalog.TreatmentProgram;
import com.coursebook.shared.VersionedEntity;

/** Someone who performs sessions, with the programs they are qualified for. */
@Entity
@Table(name = "practitioner")
public class Practitioner extends VersionedEntity {

    @Column(name = "given_name", nullable = false)
    private String givenName;

    @Column(name = "family_name", nullable = false)
    private String familyName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Specialty specialty;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "location_id")
    private Location location;

    @Column(nullable = false)
    private boolean active = true;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "practitioner_program", joinColumns = @JoinColumn(name = "practitioner_id"),
            inverseJoinColumns = @JoinColumn(name = "program_id"))
    private Set<TreatmentProgram> programs = new LinkedHashSet<>();

    protected Practitioner() {
    }

    public Practitioner(String givenName, String familyName, Specialty specialty, Location location) {
        this.givenName = givenName;
        this.familyName = familyName;
        this.specialty = specialty;
        this.location = location;
    }

    public void qualifyFor(TreatmentProgram program) {
        programs.add(program);
    }

    public boolean isQualifiedFor(TreatmentProgram program) {
        return programs.stream().anyMatch(p -> p.getCode().equals(program.getCode()));
    }

    public String getFullName() {
        return givenName + " " + familyName;
    }

    public String getGivenName() {
        return givenName;
    }

    public String getFamilyName() {
        return familyName;
    }

    public Specialty getSpecialty() {
        return specialty;
    }

    public Location getLocation() {
        return location;
    }

    public boolean isActive() {
        return active;
    }

    public Set<TreatmentProgram> getPrograms() {
        return Set.copyOf(programs);
    }
}
