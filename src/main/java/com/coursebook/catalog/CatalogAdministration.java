package com.coursebook.catalog;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.coursebook.audit.AuditTrail;
import com.coursebook.shared.Bilingual;
import com.coursebook.shared.ConflictException;
import com.coursebook.shared.InvalidRequestException;
import com.coursebook.shared.NotFoundException;
import com.coursebook.shared.VersionedEntity;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins edit the catalog: add programs, contraindications and room types, revise them (applying the version the
 * admin saw), retire them instead of deleting. Each change is refused whole if the result would be illegal, and is
 * written to the audit trail with the old and new values. Nothing is cached: the rule engine reads the catalog on
 * every evaluation, so a committed change applies at once; and a change the engine reads about a program publishes
 * {@link CatalogChanged}, on which the booked future sessions of that program are checked again.
 */
@Service
@Transactional
@PreAuthorize("hasRole('ADMIN')")
public class CatalogAdministration {

    private final Contraindications contraindications;

    private final TreatmentPrograms programs;

    private final RoomTypes roomTypes;

    private final AuditTrail audit;

    private final ApplicationEventPublisher events;

    CatalogAdministration(Contraindications contraindications, TreatmentPrograms programs, RoomTypes roomTypes,
            AuditTrail audit, ApplicationEventPublisher events) {
        this.contraindications = contraindications;
        this.programs = programs;
        this.roomTypes = roomTypes;
        this.audit = audit;
        this.events = events;
    }

    // ---------------------------------------------------------------- contraindications

    public ContraindicationDetails reviseContraindication(String code, ContraindicationForm form) {
        Contraindication contraindication = contraindications.findWithProgramsByCode(code)
                .orElseThrow(() -> new NotFoundException("error.contraindication.notFound", code));
        requireSeenVersion(contraindication, form.getVersion());
        Map<String, Object> before = contraindication.editableState();
        Set<String> affected = codes(contraindication.getPrograms());
        contraindication.revise(form.names(), form.getSeverity(), form.getTemporality(), form.getWindowDays(),
                form.getActive(), programsByCode(form.getPrograms()));
        flush(contraindications::flush);
        String changes = ChangeLog.between(before, contraindication.editableState());
        if (!changes.isEmpty()) {
            audit.record("UPDATE", "CONTRAINDICATION", contraindication.getId(), null, changes);
            affected.addAll(codes(contraindication.getPrograms()));
            events.publishEvent(new CatalogChanged(affected));
        }
        return ContraindicationDetails.of(contraindication);
    }

    public ContraindicationDetails createContraindication(NewContraindicationForm form) {
        if (contraindications.findByCode(form.getCode()).isPresent()) {
            throw new InvalidRequestException("code", "catalog.code.taken");
        }
        Contraindication created = Contraindication.create(form.getCode(), form.names(), form.getSeverity(),
                form.getTemporality(), form.getWindowDays(), form.getActive(), programsByCode(form.getPrograms()));
        Contraindication contraindication = saveNew(() -> contraindications.saveAndFlush(created));
        audit.record("CREATE", "CONTRAINDICATION", contraindication.getId(), null,
                contraindication.getCode() + ": " + ChangeLog.between(Map.of(), contraindication.editableState()));
        events.publishEvent(new CatalogChanged(codes(contraindication.getPrograms())));
        return ContraindicationDetails.of(contraindication);
    }

    /** Takes it out of every check; kept, since conditions recorded on patients name it. */
    public ContraindicationDetails retireContraindication(String code) {
        Contraindication contraindication = contraindications.findWithProgramsByCode(code)
                .orElseThrow(() -> new NotFoundException("error.contraindication.notFound", code));
        if (contraindication.isActive()) {
            Map<String, Object> before = contraindication.editableState();
            contraindication.revise(contraindication.getSeverity(), contraindication.getWindowDays(), false,
                    contraindication.getPrograms());
            flush(contraindications::flush);
            audit.record("UPDATE", "CONTRAINDICATION", contraindication.getId(), null,
                    ChangeLog.between(before, contraindication.editableState()));
            events.publishEvent(new CatalogChanged(codes(contraindication.getPrograms())));
        }
        return ContraindicationDetails.of(contraindication);
    }

    // ---------------------------------------------------------------- programs

    public ProgramDetails reviseProgram(String code, ProgramForm form) {
        TreatmentProgram program = programs.findByCode(code)
                .orElseThrow(() -> new NotFoundException("error.program.notFound", code));
        requireSeenVersion(program, form.getVersion());
        ProgramRevision revision = form.toRevision();
        requireRoomType(revision.roomType(), program.getRoomType());
        Map<String, Object> before = program.editableState();
        boolean pausedBefore = pausesForMenstruation(program);
        program.revise(revision);
        flush(programs::flush);
        boolean pausedAfter = pauseForMenstruation(program, form.getPausesForMenstruation(), pausedBefore);
        before.put("pausesForMenstruation", pausedBefore);
        Map<String, Object> after = program.editableState();
        after.put("pausesForMenstruation", pausedAfter);
        String changes = ChangeLog.between(before, after);
        if (!changes.isEmpty()) {
            audit.record("UPDATE", "TREATMENT_PROGRAM", program.getId(), null, changes);
            events.publishEvent(new CatalogChanged(Set.of(program.getCode())));
        }
        return ProgramDetails.of(program, pausedAfter);
    }

    public ProgramDetails createProgram(NewProgramForm form) {
        if (programs.findByCode(form.getCode()).isPresent()) {
            throw new InvalidRequestException("code", "catalog.code.taken");
        }
        ProgramRevision revision = form.toRevision();
        requireRoomType(revision.roomType(), null);
        TreatmentProgram created = TreatmentProgram.create(form.getCode(), form.getSpecialty(), revision);
        TreatmentProgram program = saveNew(() -> programs.saveAndFlush(created));
        boolean paused = pauseForMenstruation(program, form.getPausesForMenstruation(), false);
        Map<String, Object> state = program.editableState();
        state.put("pausesForMenstruation", paused);
        audit.record("CREATE", "TREATMENT_PROGRAM", program.getId(), null,
                program.getCode() + " (" + program.getSpecialty() + "): " + ChangeLog.between(Map.of(), state));
        return ProgramDetails.of(program, paused);
    }

    /** Not offered for new courses; courses already prescribed keep it. */
    public ProgramDetails retireProgram(String code) {
        TreatmentProgram program = programs.findByCode(code)
                .orElseThrow(() -> new NotFoundException("error.program.notFound", code));
        ProgramDetails details = ProgramDetails.of(program, pausesForMenstruation(program));
        if (!program.isActive()) {
            return details;
        }
        ProgramForm form = ProgramForm.of(details);
        form.setActive(false);
        form.setPausesForMenstruation(null);
        return reviseProgram(code, form);
    }

    /**
     * A program pauses for menstruation when the active recurring contraindications apply to it. Sets that as the
     * admin asked (null: as it was) and answers whether it pauses now.
     */
    private boolean pauseForMenstruation(TreatmentProgram program, Boolean wanted, boolean now) {
        if (wanted == null || wanted == now) {
            return now;
        }
        List<Contraindication> recurring = contraindications.findAllWithPrograms().stream()
                .filter(c -> c.isActive() && c.getTemporality() == Temporality.RECURRING).toList();
        if (wanted && recurring.isEmpty()) {
            throw new InvalidRequestException("pausesForMenstruation", "catalog.menstruation.none");
        }
        if (wanted && program.getEligibleSex() == EligibleSex.MALE) {
            throw new InvalidRequestException("pausesForMenstruation", "catalog.menstruation.male");
        }
        for (Contraindication c : recurring) {
            Set<TreatmentProgram> linked = new LinkedHashSet<>(c.getPrograms());
            if (wanted) {
                linked.add(program);
            }
            else {
                linked.removeIf(p -> p.getCode().equals(program.getCode()));
            }
            // A recurring contraindication left with no program is taken out of use rather than refused.
            c.revise(c.getSeverity(), c.getWindowDays(), c.isActive() && !linked.isEmpty(), linked);
        }
        flush(contraindications::flush);
        return wanted;
    }

    private boolean pausesForMenstruation(TreatmentProgram program) {
        return Catalog.programsPausedByRecurringConditions(contraindications.findAllWithPrograms())
                .contains(program.getCode());
    }

    /** A program's room type is one of the list, in use (or the one it already has). */
    private void requireRoomType(String code, String current) {
        if (code == null || code.equals(current)) {
            return;
        }
        boolean usable = roomTypes.findByCode(code).map(RoomType::isActive).orElse(false);
        if (!usable) {
            throw new InvalidRequestException("roomType", "catalog.roomType.unknown");
        }
    }

    // ---------------------------------------------------------------- room types

    public RoomType addRoomType(RoomTypeForm form) {
        String stripped = form.getCode() == null ? "" : form.getCode().strip();
        Bilingual name = form.name();
        if (roomTypes.existsByCode(stripped)) {
            throw new InvalidRequestException("code", "catalog.code.taken");
        }
        RoomType type = saveNew(() -> {
            RoomType saved = roomTypes.save(new RoomType(stripped, name));
            roomTypes.flush();
            return saved;
        });
        audit.record("CREATE", "ROOM_TYPE", type.getId(), null,
                type.getCode() + ": " + ChangeLog.between(Map.of(), type.editableState()));
        return type;
    }

    public RoomType renameRoomType(String code, RoomTypeForm form) {
        return changeRoomType(code, type -> type.rename(form.name()));
    }

    /** No new room or program may take it; rooms and programs that have it keep it. */
    public RoomType retireRoomType(String code) {
        return changeRoomType(code, RoomType::retire);
    }

    public RoomType reinstateRoomType(String code) {
        return changeRoomType(code, RoomType::reinstate);
    }

    private RoomType changeRoomType(String code, java.util.function.Consumer<RoomType> change) {
        RoomType type = roomTypes.findByCode(code)
                .orElseThrow(() -> new NotFoundException("catalog.roomType.notFound", code));
        Map<String, Object> before = type.editableState();
        change.accept(type);
        flush(roomTypes::flush);
        String changes = ChangeLog.between(before, type.editableState());
        if (!changes.isEmpty()) {
            audit.record("UPDATE", "ROOM_TYPE", type.getId(), null, changes);
        }
        return type;
    }

    // ---------------------------------------------------------------- helpers

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

    /** Another admin may add the same code between our check and our insert; the unique index holds. */
    private static <T> T saveNew(java.util.function.Supplier<T> save) {
        try {
            return save.get();
        }
        catch (DataIntegrityViolationException ex) {
            throw new InvalidRequestException("code", "catalog.code.taken");
        }
    }

    private static Set<String> codes(Set<TreatmentProgram> programs) {
        return programs.stream().map(TreatmentProgram::getCode).collect(Collectors.toCollection(HashSet::new));
    }

    private Set<TreatmentProgram> programsByCode(Set<String> codes) {
        Map<String, TreatmentProgram> byCode = programs.findAll().stream()
                .collect(Collectors.toMap(TreatmentProgram::getCode, Function.identity()));
        Set<TreatmentProgram> chosen = new LinkedHashSet<>();
        for (String code : codes) {
            TreatmentProgram program = byCode.get(code);
            if (program == null) {
                throw new InvalidRequestException("programs", "error.contraindication.unknownProgram", code);
            }
            chosen.add(program);
        }
        return chosen;
    }
}
