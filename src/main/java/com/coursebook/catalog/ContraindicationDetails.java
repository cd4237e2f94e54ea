package com.coursebook.catalog;

import java.util.List;
import java.util.Locale;

import com.coursebook.shared.Bilingual;

/**
 * One contraindication with everything an admin may change, in both languages, and the version to send
 * back with the change. The shape of the API's PUT body plus what is fixed (code, names, temporality).
 */
public record ContraindicationDetails(String code, String nameEn, String nameRu, Temporality temporality,
        Severity severity, Integer windowDays, boolean active, List<String> programs, long version) {

    static ContraindicationDetails of(Contraindication c) {
        return new ContraindicationDetails(c.getCode(), c.getName().en(), c.getName().ru(), c.getTemporality(),
                c.getSeverity(), c.getWindowDays(), c.isActive(),
                c.getPrograms().stream().map(TreatmentProgram::getCode).sorted().toList(), c.getVersion());
    }

    /** The name in the reader's language, for the edit screen's heading. */
    public String name(Locale locale) {
        return new Bilingual(nameEn, nameRu).in(locale);
    }
}
