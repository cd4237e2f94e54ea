package com.coursebook.patient;

import com.coursebook.audit.Audited;

/**
 * What happened to a recorded condition, registered by {@link PatientCondition} and published when it is saved: the
 * audit trail writes its line. (The re-check of booked sessions follows {@link PatientConditionsChanged}, which
 * every change of what the rules know about a patient publishes.) Holds the condition: its id exists once stored.
 */
public sealed interface ConditionAct extends Audited {

    PatientCondition condition();

    @Override
    default String entityType() {
        return "CONDITION";
    }

    @Override
    default Long entityId() {
        return condition().getId();
    }

    @Override
    default Long patientId() {
        return condition().getPatientId();
    }

    record Recorded(PatientCondition condition) implements ConditionAct {

        @Override
        public String action() {
            return "CREATE";
        }

        @Override
        public String details() {
            return condition.getContraindication().getCode();
        }
    }

    record Resolved(PatientCondition condition) implements ConditionAct {

        @Override
        public String action() {
            return "RESOLVE";
        }

        @Override
        public String details() {
            return "resolvedOn=" + condition.getResolvedOn();
        }
    }

    record Reopened(PatientCondition condition) implements ConditionAct {

        @Override
        public String action() {
            return "REOPEN";
        }
    }
}
