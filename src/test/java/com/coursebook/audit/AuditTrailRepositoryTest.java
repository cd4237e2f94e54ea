package com.coursebook.audit;

import com.coursebook.support.DatabaseAs;
import com.coursebook.support.PostgresRepositoryTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@PostgresRepositoryTest
@Transactional(propagation = Propagation.NOT_SUPPORTED) // each statement on its own, as the app would
class AuditTrailRepositoryTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    @Test
    @DisplayName("the audit trail is append-only in the database: the app's role may not update, delete or truncate, "
            + "and the owner is stopped by the triggers")
    void appendOnly() {
        jdbc.sql("INSERT INTO audit_event (actor, action, entity_type, entity_id, patient_id) "
                + "VALUES ('reception', 'VIEW', 'PATIENT', 777001, 777001)").update();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE patient_id = 777001").query(Long.class).single())
                .isEqualTo(1L);
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET actor = 'someone else' WHERE patient_id = 777001").update())
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE patient_id = 777001").update())
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_event").update())
                .rootCause().hasMessageContaining("permission denied");

        JdbcClient owner = DatabaseAs.owner(postgres);
        assertThatThrownBy(() -> owner.sql("UPDATE audit_event SET actor = 'someone else' WHERE patient_id = 777001").update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.sql("DELETE FROM audit_event WHERE patient_id = 777001").update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.sql("TRUNCATE audit_event, audit_repeat").update())
                .rootCause().hasMessageContaining("append-only");
        assertThat(jdbc.sql("SELECT actor FROM audit_event WHERE patient_id = 777001").query(String.class).single())
                .isEqualTo("reception");
    }
}
