package com.coursebook.scheduling;

import java.util.Set;

import com.coursebook.catalog.Specialty;
import com.coursebook.catalog.TreatmentProgram;

/** What an admin says about a practitioner, with the location and programs already found; see {@link Practitioner#change}. */
public record PractitionerDetails(String givenName, String familyName, Specialty specialty, Location location,
        Set<TreatmentProgram> programs) {
}
