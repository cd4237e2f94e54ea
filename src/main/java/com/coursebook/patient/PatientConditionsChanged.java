package com.coursebook.patient;

/**
 * Published when what the rule engine knows about a patient changes (a condition recorded, resolved or
 * reopened, an examination, cycle data), so that the patient's future sessions are checked again.
 */
public record PatientConditionsChanged(Long patientId) {
}
