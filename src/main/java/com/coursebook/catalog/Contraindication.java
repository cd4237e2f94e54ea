package com.coursebook.catalog;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import com.coursebook.shared.Bilingual;
import com.coursebook.shared.InvalidRequestException;
import com.coursebook.shared.VersionedEntity;

/** A condition that forbids (absolute) or cautions against (relative) the programs it applies to. */
@Entity
@Table(name = "contraindication")
public class Contraindication extends VersionedEntity {

    @Column(nullable = false, unique = true, updatable = false)
    private String code;

    @Column(name = "name_en", nullable = false)
    private String nameEn;

    @Column(name = "name_ru", nullable = false)
    private String nameRu;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Severity severity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Temporality temporality;

    @Column(name = "window_days")
    private Integer windowDays;

    @Column(name = "note_en")
    private String noteEn;

    @Column(name = "note_ru")
    private String noteRu;

    private String source;

    @Column(nullable = false)
    private boolean active;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "contraindication_program", joinColumns = @JoinColumn(name = "contraindication_id"),
            inverseJoinColumns = @JoinColumn(name = "program_id"))
    @OrderBy("code")
    private Set<TreatmentProgram> programs = new LinkedHashSet<>();

    protected Contraindication() {
    }

    static final int NAME_MAX_LENGTH = 200;

    /** A new contraindication an admin adds; the same rules as a revision, and a name in both languages. */
    public static Contraindication create(String code, Bilingual name, Severity severity, Temporality temporality,
            Integer windowDays, boolean active, Set<TreatmentProgram> programs) {
        if (code == null || !code.matches(RoomType.CODE_PATTERN)) {
            throw new InvalidRequestException("code", "catalog.code.pattern");
        }
        if (name == null) {
            throw new InvalidRequestException("nameEn", "catalog.name.required");
        }
        if (temporality == null) {
            throw new InvalidRequestException("temporality", "catalog.value.required");
        }
        Contraindication contraindication = new Contraindication();
        contraindication.code = code;
        contraindication.revise(name, severity, temporality, windowDays, active, programs);
        return contraindication;
    }

    /** As {@link #revise(Bilingual, Severity, Temporality, Integer, boolean, Set)}, names and temporality unchanged. */
    public void revise(Severity severity, Integer windowDays, boolean active, Set<TreatmentProgram> programs) {
        revise(null, severity, null, windowDays, active, programs);
    }

    /**
     * An admin's revision of what this is and how strictly and to what it applies (null name or temporality:
     * unchanged). A window length belongs only to a window after an event (the database insists on the same), and
     * an active contraindication that applies to no program would silently protect nobody. Each refusal names the
     * field at fault.
     */
    public void revise(Bilingual name, Severity severity, Temporality temporality, Integer windowDays, boolean active,
            Set<TreatmentProgram> programs) {
        Objects.requireNonNull(programs, "programs");
        if (severity == null) {
            throw new InvalidRequestException("severity", "catalog.severity.required");
        }
        Temporality kind = temporality != null ? temporality : this.temporality;
        if (kind == Temporality.WINDOW_AFTER_EVENT && (windowDays == null || windowDays <= 0)) {
            throw new InvalidRequestException("windowDays", "error.contraindication.windowRequired");
        }
        if (kind != Temporality.WINDOW_AFTER_EVENT && windowDays != null) {
            throw new InvalidRequestException("windowDays", "error.contraindication.windowNotApplicable");
        }
        if (active && programs.isEmpty()) {
            throw new InvalidRequestException("programs", "error.contraindication.programRequired");
        }
        if (name != null) {
            this.nameEn = Names.required(name.en(), "nameEn", NAME_MAX_LENGTH);
            this.nameRu = Names.required(name.ru(), "nameRu", NAME_MAX_LENGTH);
        }
        this.temporality = kind;
        this.severity = severity;
        this.windowDays = windowDays;
        this.active = active;
        // retainAll/addAll touch the collection only when its content differs, so an unchanged set does not
        // bump the version and make the next admin's edit look stale.
        this.programs.retainAll(programs);
        this.programs.addAll(programs);
    }

    /** What an admin may change, by name, for the audit trail's "old → new" line. */
    Map<String, Object> editableState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("nameEn", nameEn);
        state.put("nameRu", nameRu);
        state.put("temporality", temporality);
        state.put("severity", severity);
        state.put("windowDays", windowDays);
        state.put("active", active);
        state.put("programs", programs.stream().map(TreatmentProgram::getCode).sorted().toList());
        return state;
    }

    public boolean appliesTo(TreatmentProgram program) {
        return active && programs.stream().anyMatch(p -> p.getCode().equals(program.getCode()));
    }

    /**
     * Whether it can apply to a patient of this sex: one of its programs admits that sex (pregnancy and
     * lactation belong to programs for women only), and one predicted from the menstrual cycle only for women.
     * One linked to no program is not restricted.
     */
    public boolean admits(com.coursebook.shared.Sex sex) {
        if (temporality == Temporality.RECURRING && sex != com.coursebook.shared.Sex.FEMALE) {
            return false;
        }
        return programs.isEmpty() || programs.stream().anyMatch(p -> p.getEligibleSex().admits(sex));
    }

    public String getCode() {
        return code;
    }

    public Bilingual getName() {
        return new Bilingual(nameEn, nameRu);
    }

    public Severity getSeverity() {
        return severity;
    }

    public Temporality getTemporality() {
        return temporality;
    }

    public Integer getWindowDays() {
        return windowDays;
    }

    public Bilingual getNote() {
        return noteEn == null ? null : new Bilingual(noteEn, noteRu);
    }

    public String getSource() {
        return source;
    }

    public boolean isActive() {
        return active;
    }

    public Set<TreatmentProgram> getPrograms() {
        return Set.copyOf(programs);
    }
}
