package com.coursebook.patient;

import java.util.List;

import com.coursebook.audit.AuditTrail;
import com.coursebook.shared.ConflictException;
import com.coursebook.shared.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The patient registry: register, correct, find and read patients, each act recorded in the audit trail. */
@Service
@Transactional
public class PatientService {

    private final Patients patients;

    private final PatientSearch search;

    private final AuditTrail audit;

    private final ApplicationEventPublisher events;

    PatientService(Patients patients, PatientSearch search, AuditTrail audit, ApplicationEventPublisher events) {
        this.patients = patients;
        this.search = search;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Registers a patient unless one with the same name and birth date exists and the caller has not
     * confirmed that this is a different person.
     */
    public Registration register(PatientForm form) {
        PatientDetails details = form.toDetails();
        if (!form.isConfirmDuplicate()) {
            List<PatientSummary> duplicates = possibleDuplicates(details);
            if (!duplicates.isEmpty()) {
                return Registration.possibleDuplicates(duplicates);
            }
        }
        Patient patient = patients.saveAndFlush(Patient.register(details));
        audit.record("CREATE", "PATIENT", patient.getId(), patient.getId(), null);
        return Registration.registered(patient);
    }

    public Patient correct(Long id, PatientForm form) {
        Patient patient = find(id);
        if (form.getVersion() != null && form.getVersion() != patient.getVersion()) {
            throw new ConflictException("error.patient.changedMeanwhile");
        }
        patient.correctDetails(form.toDetails());
        patients.flush();
        audit.record("UPDATE", "PATIENT", id, id, null);
        events.publishEvent(new PatientConditionsChanged(id)); // sex or cycle data may change what the rules say
        return patient;
    }

    /** Reads a patient for display; the view is audited. */
    public Patient view(Long id) {
        Patient patient = find(id);
        audit.patientViewed(id);
        return patient;
    }

    public List<PatientSummary> search(String query) {
        List<PatientSummary> found = search.search(query);
        audit.record("SEARCH", "PATIENT", null, null, "query=" + (query == null ? "" : query.strip())
                + "; results=" + found.size() + "; ids=" + found.stream().map(p -> String.valueOf(p.id()))
                        .collect(java.util.stream.Collectors.joining(",")));
        return found;
    }

    private Patient find(Long id) {
        return patients.findById(id).orElseThrow(() -> new NotFoundException("error.patient.notFound", String.valueOf(id)));
    }

    private List<PatientSummary> possibleDuplicates(PatientDetails details) {
        return patients.findPossibleDuplicates(details.familyName(), details.givenName(), details.birthDate())
                .stream()
                .map(PatientService::summary)
                .toList();
    }

    static PatientSummary summary(Patient p) {
        return new PatientSummary(p.getId(), p.getRecordNumber(), p.getFullName(), p.getBirthDate(), p.getSex(),
                p.getPhone());
    }

    /** Either the registered patient or the possible duplicates that stopped the registration. */
    public record Registration(Patient patient, List<PatientSummary> duplicates) {

        public static Registration registered(Patient patient) {
            return new Registration(patient, List.of());
        }

        public static Registration possibleDuplicates(List<PatientSummary> duplicates) {
            return new Registration(null, duplicates);
        }

        public boolean isRegistered() {
            return patient != null;
        }
    }
}
