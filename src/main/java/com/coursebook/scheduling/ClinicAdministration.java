package com.coursebook.scheduling;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.coursebook.audit.AuditTrail;
import com.coursebook.catalog.ChangeLog;
import com.coursebook.catalog.TreatmentProgram;
import com.coursebook.catalog.TreatmentPrograms;
import com.coursebook.shared.ConflictException;
import com.coursebook.shared.InvalidRequestException;
import com.coursebook.shared.NotFoundException;
import com.coursebook.shared.VersionedEntity;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins keep the clinic's places and people: locations (name, address, phone, time zone, opening days) and
 * practitioners (names, specialty, location, the programs they are qualified for, active or not). Nothing is
 * deleted: a practitioner who leaves is deactivated, so their sessions and notes keep their name. Every change is
 * refused whole if illegal, applies the version the admin saw, and is audited with old and new values.
 */
@Service
@Transactional
@PreAuthorize("hasRole('ADMIN')")
public class ClinicAdministration {

    private final Locations locations;

    private final Practitioners practitioners;

    private final TreatmentPrograms programs;

    private final AuditTrail audit;

    ClinicAdministration(Locations locations, Practitioners practitioners, TreatmentPrograms programs,
            AuditTrail audit) {
        this.locations = locations;
        this.practitioners = practitioners;
        this.programs = programs;
        this.audit = audit;
    }

    // ---------------------------------------------------------------- locations

    @Transactional(readOnly = true)
    public List<Location> locations() {
        return locations.findAllByOrderByName();
    }

    @Transactional(readOnly = true)
    public Location location(Long id) {
        return locations.findById(id).orElseThrow(() -> new NotFoundException("scheduling.location.notFound", id));
    }

    public Location addLocation(LocationForm form) {
        Location created = Location.of(form.details());
        requireUniqueName(created.getName(), null);
        Location location = save(() -> locations.save(created), locations::flush);
        audit.record("CREATE", "LOCATION", location.getId(), null, changes(Map.of(), location.editableState()));
        return location;
    }

    public Location changeLocation(Long id, LocationForm form) {
        Location location = location(id);
        requireSeenVersion(location, form.getVersion());
        Map<String, Object> before = location.editableState();
        // Asked before the change: with the entity changed, the look-up's query would flush it first, and the
        // database's unique name would fail that flush outside save()'s translation (a 500 on the screen).
        requireUniqueName(form.getName() == null ? "" : form.getName().strip(), id);
        location.change(form.details());
        save(() -> location, locations::flush);
        String changes = changes(before, location.editableState());
        if (!changes.isEmpty()) {
            audit.record("UPDATE", "LOCATION", id, null, changes);
        }
        return location;
    }

    private void requireUniqueName(String name, Long self) {
        boolean taken = locations.findAllByOrderByName().stream()
                .anyMatch(l -> l.getName().equalsIgnoreCase(name) && !l.getId().equals(self));
        if (taken) {
            throw new InvalidRequestException("name", "scheduling.location.name.taken");
        }
    }

    // ---------------------------------------------------------------- practitioners

    /** One practitioner with their location and programs, for the edit screen and the API. */
    @Transactional(readOnly = true)
    public Practitioner practitioner(Long id) {
        Practitioner practitioner = practitioners.findWithPrograms(id)
                .orElseThrow(() -> new NotFoundException("availability.practitioner.notFound", String.valueOf(id)));
        if (practitioner.getLocation() != null) {
            practitioner.getLocation().getName(); // loaded here: screens render after the transaction
        }
        return practitioner;
    }

    /** Every practitioner with location and programs, for the API's list: one query. */
    @Transactional(readOnly = true)
    public List<Practitioner> practitioners() {
        return practitioners.findAllWithLocationAndPrograms();
    }

    public Practitioner addPractitioner(PractitionerForm form) {
        Practitioner practitioner = Practitioner.of(details(form));
        practitioner = practitioners.saveAndFlush(practitioner);
        audit.record("CREATE", "PRACTITIONER", practitioner.getId(), null,
                changes(Map.of(), practitioner.editableState()));
        return practitioner;
    }

    public Practitioner changePractitioner(Long id, PractitionerForm form) {
        Practitioner practitioner = practitioner(id);
        requireSeenVersion(practitioner, form.getVersion());
        Map<String, Object> before = practitioner.editableState();
        practitioner.change(details(form));
        save(() -> practitioner, practitioners::flush);
        String changes = changes(before, practitioner.editableState());
        if (!changes.isEmpty()) {
            audit.record("UPDATE", "PRACTITIONER", id, null, changes);
        }
        return practitioner;
    }

    public Practitioner deactivatePractitioner(Long id) {
        return setActive(id, false);
    }

    public Practitioner activatePractitioner(Long id) {
        return setActive(id, true);
    }

    private Practitioner setActive(Long id, boolean active) {
        Practitioner practitioner = practitioner(id);
        if (practitioner.isActive() != active) {
            if (active) {
                practitioner.activate();
            }
            else {
                practitioner.deactivate();
            }
            save(() -> practitioner, practitioners::flush);
            audit.record("UPDATE", "PRACTITIONER", id, null, "active: " + !active + " → " + active);
        }
        return practitioner;
    }

    private PractitionerDetails details(PractitionerForm form) {
        Location location = form.getLocationId() == null ? null
                : locations.findById(form.getLocationId()).orElseThrow(
                        () -> new InvalidRequestException("locationId", "scheduling.location.unknown"));
        return new PractitionerDetails(form.getGivenName(), form.getFamilyName(), form.getSpecialty(), location,
                programsByCode(form.getPrograms()));
    }

    private Set<TreatmentProgram> programsByCode(Set<String> codes) {
        Map<String, TreatmentProgram> byCode = programs.findAll().stream()
                .collect(Collectors.toMap(TreatmentProgram::getCode, Function.identity()));
        Set<TreatmentProgram> chosen = new LinkedHashSet<>();
        for (String code : codes == null ? Set.<String>of() : codes) {
            TreatmentProgram program = byCode.get(code);
            if (program == null) {
                throw new InvalidRequestException("programs", "error.contraindication.unknownProgram", code);
            }
            chosen.add(program);
        }
        return chosen;
    }

    // ---------------------------------------------------------------- helpers

    private static void requireSeenVersion(VersionedEntity entity, Long seen) {
        if (seen == null) {
            throw new InvalidRequestException("version", "catalog.version.required");
        }
        if (!Objects.equals(seen, entity.getVersion())) {
            throw new ConflictException("error.changedMeanwhile");
        }
    }

    /** Writes now, so a stale version or a name taken meanwhile is refused here rather than at commit. */
    private static <T> T save(java.util.function.Supplier<T> save, Runnable flush) {
        try {
            T saved = save.get();
            flush.run();
            return saved;
        }
        catch (ObjectOptimisticLockingFailureException ex) {
            throw new ConflictException("error.changedMeanwhile");
        }
        catch (DataIntegrityViolationException ex) {
            throw new InvalidRequestException("name", "scheduling.location.name.taken");
        }
    }

    private static String changes(Map<String, Object> before, Map<String, Object> after) {
        return ChangeLog.between(before, after);
    }
}
