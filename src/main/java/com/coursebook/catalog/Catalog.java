package com.coursebook.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.coursebook.shared.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read side of the catalog, shared by its screens, its API and the other modules. */
@Service
@Transactional(readOnly = true)
public class Catalog {

    private final TreatmentPrograms programs;

    private final Contraindications contraindications;

    private final RoomTypes roomTypes;

    Catalog(TreatmentPrograms programs, Contraindications contraindications, RoomTypes roomTypes) {
        this.roomTypes = roomTypes;
        this.programs = programs;
        this.contraindications = contraindications;
    }

    public List<ProgramView> programs(Locale locale) {
        Set<String> pausing = programsPausedByRecurringConditions(contraindications.findAllWithPrograms());
        return programs.findAllByOrderBySpecialtyAscCodeAsc().stream()
                .map(p -> ProgramView.of(p, pausing.contains(p.getCode()), locale)).toList();
    }

    /** A program pauses for menstruation when an active recurring contraindication applies to it (admin-editable). */
    static Set<String> programsPausedByRecurringConditions(List<Contraindication> all) {
        return all.stream().filter(c -> c.isActive() && c.getTemporality() == Temporality.RECURRING)
                .flatMap(c -> c.getPrograms().stream()).map(TreatmentProgram::getCode).collect(Collectors.toSet());
    }

    public List<ContraindicationView> contraindications(Locale locale) {
        return contraindications.findAllWithPrograms().stream().map(c -> ContraindicationView.of(c, locale)).toList();
    }

    /** The contraindications that can apply to a patient of this sex (see {@link Contraindication#admits}). */
    public List<ContraindicationView> contraindicationsFor(com.coursebook.shared.Sex sex, Locale locale) {
        return contraindications.findAllWithPrograms().stream().filter(c -> c.admits(sex))
                .map(c -> ContraindicationView.of(c, locale)).toList();
    }

    /** Every room type, retired ones too (rooms and programs may still have them), by code. */
    public List<RoomType> roomTypes() {
        return roomTypes.findAllByOrderByCode();
    }

    public TreatmentProgram program(String code) {
        return programs.findByCode(code).orElseThrow(() -> new NotFoundException("error.program.notFound", code));
    }

    /** A program as an admin edits it: both languages and the version to send back. */
    public ProgramDetails programDetails(String code) {
        TreatmentProgram program = program(code);
        return ProgramDetails.of(program, programsPausedByRecurringConditions(contraindications.findAllWithPrograms())
                .contains(program.getCode()));
    }

    /** A contraindication as an admin edits it: both languages and the version to send back. */
    public ContraindicationDetails contraindicationDetails(String code) {
        return contraindications.findWithProgramsByCode(code).map(ContraindicationDetails::of)
                .orElseThrow(() -> new NotFoundException("error.contraindication.notFound", code));
    }

    public record ProgramView(String code, String name, Specialty specialty, EligibleSex eligibleSex,
            int defaultSessions, int minSessions, int maxSessions, int cadenceDays, int minGapDays, int maxPerWeek,
            int slotMinutes, int firstSessionMinutes, int maxSessionMinutes, boolean pausesForMenstruation,
            boolean requiresExamination, String preparation, String aftercare, boolean active) {

        static ProgramView of(TreatmentProgram p, boolean pausesForMenstruation, Locale locale) {
            return new ProgramView(p.getCode(), p.getName().in(locale), p.getSpecialty(), p.getEligibleSex(),
                    p.getDefaultSessions(), p.getMinSessions(), p.getMaxSessions(), p.getCadenceDays(),
                    p.getMinGapDays(), p.getMaxPerWeek(), p.getSlotMinutes(), p.getFirstSessionMinutes(),
                    p.getMaxSessionMinutes(), pausesForMenstruation, p.isRequiresExamination(),
                    p.getPreparation().in(locale), p.getAftercare().in(locale), p.isActive());
        }
    }

    public record ContraindicationView(String code, String name, Severity severity, Temporality temporality,
            Integer windowDays, String note, String source, List<String> programs, boolean active) {

        static ContraindicationView of(Contraindication c, Locale locale) {
            return new ContraindicationView(c.getCode(), c.getName().in(locale), c.getSeverity(), c.getTemporality(),
                    c.getWindowDays(), c.getNote() == null ? null : c.getNote().in(locale), c.getSource(),
                    c.getPrograms().stream().map(TreatmentProgram::getCode).sorted().toList(), c.isActive());
        }
    }
}
