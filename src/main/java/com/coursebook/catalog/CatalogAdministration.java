package com.coursebook.catalog;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.coursebook.audit.AuditTrail;
import com.coursebook.shared.ConflictException;
import com.coursebook.shared.NotFoundException;
import com.coursebook.shared.VersionedEntity;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins edit the catalog: each change applies the version the admin saw, is refused whole if the
 * result would be illegal, and is written to the audit trail with the old and new values. Nothing is
 * cached: the rule engine reads the catalog on every evaluation, so a committed change applies at once.
 */
@Service
@Transactional
public class CatalogAdministration {

    private final Contraindications contraindications;

    private final TreatmentPrograms programs;

    private final AuditTrail audit;

    CatalogAdministration(Contraindications contraindications, TreatmentPrograms programs, AuditTrail audit) {
        this.contraindications = contraindications;
        this.programs = programs;
        this.audit = audit;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public ContraindicationDetails reviseContraindication(String code, ContraindicationForm form) {
        Contraindication contraindication = contraindications.findWithProgramsByCode(code)
                .orElseThrow(() -> new NotFoundException("error.contraindication.notFound", code));
        requireSeenVersion(contraindication, form.getVersion());
        Map<String, Object> before = contraindication.editableState();
        contraindication.revise(form.getSeverity(), form.getWindowDays(), form.getActive(),
                programsByCode(form.getPrograms()));
        flush(contraindications::flush);
        String changes = ChangeLog.between(before, contraindication.editableState());
        if (!changes.isEmpty()) {
            audit.record("UPDATE", "CONTRAINDICATION", contraindication.getId(), null, changes);
        }
        return ContraindicationDetails.of(contraindication);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public ProgramDetails reviseProgram(String code, ProgramForm form) {
        TreatmentProgram program = programs.findByCode(code)
                .orElseThrow(() -> new NotFoundException("error.program.notFound", code));
        requireSeenVersion(program, form.getVersion());
        Map<String, Object> before = program.editableState();
        program.revise(form.toRevision());
        flush(programs::flush);
        String changes = ChangeLog.between(before, program.editableState());
        if (!changes.isEmpty()) {
            audit.record("UPDATE", "TREATMENT_PROGRAM", program.getId(), null, changes);
        }
        return ProgramDetails.of(program);
    }

    private static void requireSeenVersion(VersionedEntity entity, Long seen) {
        if (seen == null || seen != entity.getVersion()) {
            throw new ConflictException("error.changedMeanwhile");
        }
    }

    /** Another admin may commit between our read and our write; the version column catches that too. */
    private static void flush(Runnable flush) {
        try {
            flush.run();
        }
        catch (ObjectOptimisticLockingFailureException ex) {
            throw new ConflictException("error.changedMeanwhile");
        }
    }

    private Set<TreatmentProgram> programsByCode(Set<String> codes) {
        Map<String, TreatmentProgram> byCode = programs.findAll().stream()
                .collect(Collectors.toMap(TreatmentProgram::getCode, Function.identity()));
        Set<TreatmentProgram> chosen = new LinkedHashSet<>();
        for (String code : codes) {
            TreatmentProgram program = byCode.get(code);
            if (program == null) {
                throw new ConflictException("error.contraindication.unknownProgram", code);
            }
            chosen.add(program);
        }
        return chosen;
    }
}
