package com.coursebook.patient.web;

import com.coursebook.patient.Patient;
import com.coursebook.patient.PatientForm;
import com.coursebook.patient.PatientResource;
import com.coursebook.patient.PatientService;
import com.coursebook.patient.PatientSummary;
import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import com.coursebook.patient.PatientService.Registration;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/patients")
class PatientApiController {

    private final PatientService patients;

    private final MessageSource messages;

    PatientApiController(PatientService patients, MessageSource messages) {
        this.patients = patients;
        this.messages = messages;
    }

    /**
     * 201 with the patient and its Location; 409 listing the possible duplicates when a patient with the
     * same name and birth date exists (send {@code "confirmDuplicate": true} to register anyway).
     */
    @PostMapping
    ResponseEntity<?> register(@Valid @RequestBody PatientForm form, Locale locale) {
        Registration registration = patients.register(form);
        if (!registration.isRegistered()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    messages.getMessage("patient.duplicate.warning", null, locale));
            problem.setTitle(messages.getMessage("problem.duplicate.title", null, locale));
            problem.setProperty("duplicates", registration.duplicates());
            return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
        }
        Patient patient = registration.patient();
        // a path, never built from the request's Host header (which the client writes)
        URI location = URI.create("/api/patients/" + patient.getId());
        return ResponseEntity.created(location).body(PatientResource.of(patient));
    }

    @GetMapping("/{id}")
    PatientResource show(@PathVariable Long id) {
        return PatientResource.of(patients.view(id));
    }

    @GetMapping
    List<PatientSummary> search(@RequestParam(name = "query", required = false) String query) {
        return patients.search(query);
    }

    @PutMapping("/{id}")
    PatientResource correct(@PathVariable Long id, @Valid @RequestBody PatientForm form) {
        return PatientResource.of(patients.correct(id, form));
    }
}
