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
import com.coursebook.shared.InvalidRequestException;
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
        if (!specialty.mayPerform(program.getSpecialty())) {
            throw new InvalidRequestException("programs", "scheduling.practitioner.programOfOtherSpecialty");
        }
        programs.add(program);
    }

    /** A practitioner as the admin describes them; refuses, naming the field, what {@link #change} refuses. */
    public static Practitioner of(PractitionerDetails details) {
        Practitioner practitioner = new Practitioner();
        practitioner.change(details);
        return practitioner;
    }

    /**
     * The admin's edit: names, specialty, location and the programs they are qualified for, which must be of a
     * specialty theirs may perform ({@link Specialty#mayPerform}). Empty names are refused at their field.
     */
    public void change(PractitionerDetails details) {
        String given = required(details.givenName(), "givenName");
        String family = required(details.familyName(), "familyName");
        if (details.specialty() == null) {
            throw new InvalidRequestException("specialty", "scheduling.practitioner.specialty.required");
        }
        for (TreatmentProgram program : details.programs()) {
            if (!details.specialty().mayPerform(program.getSpecialty())) {
                throw new InvalidRequestException("programs", "scheduling.practitioner.programOfOtherSpecialty");
            }
        }
        this.givenName = given;
        this.familyName = family;
        this.specialty = details.specialty();
        this.location = details.location();
        // retainAll/addAll touch the collection only when its content differs (no needless version bump).
        this.programs.retainAll(details.programs());
        this.programs.addAll(details.programs());
    }

    /** No new course or free slot is offered with them; their past and booked sessions stay theirs. */
    public void deactivate() {
        active = false;
    }

    public void activate() {
        active = true;
    }

    /** What an admin may change, by name, for the audit trail's "old → new" line. */
    public java.util.Map<String, Object> editableState() {
        java.util.Map<String, Object> state = new java.util.LinkedHashMap<>();
        state.put("givenName", givenName);
        state.put("familyName", familyName);
        state.put("specialty", specialty);
        state.put("location", location == null ? null : location.getName());
        state.put("programs", programs.stream().map(TreatmentProgram::getCode).sorted().toList());
        state.put("active", active);
        return state;
    }

    static final int NAME_MAX_LENGTH = 100;

    private static String required(String name, String field) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            throw new InvalidRequestException(field, "scheduling.practitioner.name.required");
        }
        if (stripped.length() > NAME_MAX_LENGTH) {
            throw new InvalidRequestException(field, "field.tooLong.at", NAME_MAX_LENGTH);
        }
        return stripped;
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
