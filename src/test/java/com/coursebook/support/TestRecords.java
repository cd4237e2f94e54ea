package com.coursebook.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Records a test makes for itself, so tests that book through the API do not share a diary or a patient. */
public final class TestRecords {

    private TestRecords() {
    }

    /** A urologist of one's own, qualified for prostate massage. */
    public static long practitioner(JdbcClient jdbc, String familyName) {
        long id = jdbc.sql("INSERT INTO practitioner (given_name, family_name, specialty) VALUES ('Test', ?, 'UROLOGY') "
                + "RETURNING id").param(familyName).query(Long.class).single();
        jdbc.sql("INSERT INTO practitioner_program (practitioner_id, program_id) "
                + "SELECT ?, id FROM treatment_program WHERE code = 'PROSTATE_MASSAGE'").param(id).update();
        return id;
    }

    /** A male patient with a family name made unique. */
    public static long malePatient(JdbcClient jdbc, String familyName) {
        return jdbc.sql("INSERT INTO patient (given_name, family_name, birth_date, sex) "
                        + "VALUES ('Test', ?, DATE '1975-01-01', 'MALE') RETURNING id")
                .param(familyName + System.nanoTime()).query(Long.class).single();
    }
}
