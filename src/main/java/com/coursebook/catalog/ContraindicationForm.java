package com.coursebook.catalog;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * What an admin sets on a contraindication, from the edit screen or as the JSON API's PUT body. One class
 * for both so the two cannot validate differently. Combinations (a window only for a window after an event,
 * a program while active) are the contraindication's own rules, checked when it is revised.
 */
public class ContraindicationForm {

    @NotNull(message = "{catalog.severity.required}")
    private Severity severity;

    @Min(value = 1, message = "{catalog.days.positive}")
    private Integer windowDays;

    @NotNull(message = "{catalog.active.required}")
    private Boolean active;

    /** Codes of the programs it applies to. */
    @NotNull(message = "{catalog.programs.required}")
    private Set<String> programs = new LinkedHashSet<>();

    /** The version the admin edited, so a concurrent change is detected instead of overwritten. */
    @NotNull(message = "{catalog.version.required}")
    private Long version;

    // Null on a revision leaves them as they are (older clients).

    @jakarta.validation.constraints.Size(max = Contraindication.NAME_MAX_LENGTH, message = "{field.tooLong}")
    private String nameEn;

    @jakarta.validation.constraints.Size(max = Contraindication.NAME_MAX_LENGTH, message = "{field.tooLong}")
    private String nameRu;

    private Temporality temporality;

    public static ContraindicationForm of(ContraindicationDetails details) {
        ContraindicationForm form = new ContraindicationForm();
        form.severity = details.severity();
        form.windowDays = details.windowDays();
        form.active = details.active();
        form.programs = new LinkedHashSet<>(details.programs());
        form.version = details.version();
        form.nameEn = details.nameEn();
        form.nameRu = details.nameRu();
        form.temporality = details.temporality();
        return form;
    }

    public Severity getSeverity() {
        return severity;
    }

    public void setSeverity(Severity severity) {
        this.severity = severity;
    }

    public Integer getWindowDays() {
        return windowDays;
    }

    public void setWindowDays(Integer windowDays) {
        this.windowDays = windowDays;
    }

    public Boolean getActive() {
        return active;
    }

    public void setActive(Boolean active) {
        this.active = active;
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

    /** Both names, or null when neither was sent (unchanged). */
    public com.coursebook.shared.Bilingual names() {
        return nameEn == null && nameRu == null ? null : new com.coursebook.shared.Bilingual(nameEn, nameRu);
    }

    public String getNameEn() {
        return nameEn;
    }

    public void setNameEn(String nameEn) {
        this.nameEn = nameEn;
    }

    public String getNameRu() {
        return nameRu;
    }

    public void setNameRu(String nameRu) {
        this.nameRu = nameRu;
    }

    public Temporality getTemporality() {
        return temporality;
    }

    public void setTemporality(Temporality temporality) {
        this.temporality = temporality;
    }
}
