package com.coursebook.catalog;

import java.util.Set;

/**
 * An admin changed what the rule engine reads about these programs (the program itself, or a contraindication
 * that applies, or applied, to them). Published in the admin's transaction; {@code course} listens and checks the
 * booked future sessions of these programs again, as it does after a patient's conditions change.
 */
public record CatalogChanged(Set<String> programCodes) {

    public CatalogChanged {
        programCodes = Set.copyOf(programCodes);
    }
}
