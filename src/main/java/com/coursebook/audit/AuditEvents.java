package com.coursebook.audit;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

/** Read only: lines are appended by {@link AuditTrail}; no update or delete method exists, and the database refuses them anyway. */
public interface AuditEvents extends Repository<AuditEvent, Long> {

    List<AuditEvent> findByPatientIdOrderByIdDesc(Long patientId, Pageable page);

    List<AuditEvent> findAllByOrderByIdDesc(Pageable page);
}
