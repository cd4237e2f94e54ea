package com.coursebook.audit;

import com.coursebook.shared.ClinicClock;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records who viewed or changed which patient data. Called by the module that does the work, inside its
 * transaction, so a change and its audit line commit (or roll back) together.
 */
@Service
public class AuditTrail {

    private final AuditEvents events;

    private final ClinicClock clock;

    AuditTrail(AuditEvents events, ClinicClock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String action, String entityType, Long entityId, Long patientId, String details) {
        events.save(new AuditEvent(clock.now(), currentActor(), action, entityType, entityId, patientId, details));
    }

    /** Every change another module announces: written in the transaction that made it (a synchronous listener). */
    @EventListener
    public void on(Audited change) {
        record(change.action(), change.entityType(), change.entityId(), change.patientId(), change.details());
    }

    public void patientViewed(Long patientId) {
        record("VIEW", "PATIENT", patientId, patientId, null);
    }

    static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }
}
