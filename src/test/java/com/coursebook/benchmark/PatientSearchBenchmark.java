package com.coursebook.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import com.coursebook.patient.PatientService;
import com.coursebook.patient.PatientSummary;
import com.coursebook.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Patient search at clinic-chain scale: 200 000 invented patients, then the searches a receptionist types,
 * timed end to end through the service (SQL, mapping and audit line). Prints figures; asserts only that the
 * searches find what they should. Run with {@code ./mvnw -Pbenchmark verify}.
 */
@Tag("benchmark")
@IntegrationTest
class PatientSearchBenchmark {

    static final int PATIENTS = 200_000;

    static final int ROUNDS = 200;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres;

    /** VACUUM and ANALYZE are the owner's: the app's role owns no table (V16). */
    private JdbcClient owner() {
        return com.coursebook.support.DatabaseAs.owner(postgres);
    }

    @Autowired
    PatientService patients;

    @Test
    @WithMockUser(username = "benchmark", roles = "RECEPTIONIST")
    @DisplayName("patient search with 200 000 patients")
    void search() {
        long started = System.nanoTime();
        jdbc.sql("""
                INSERT INTO patient (given_name, family_name, birth_date, sex, phone)
                SELECT (ARRAY['Ivan','Pavel','Anna','Maria','Oleg','Elena','Sergei','Olga'])[1 + i % 8],
                       (ARRAY['Orlov','Belov','Krylov','Zhukov','Savin','Markov','Gusev','Frolov','Lebedev','Sokolov'])[1 + (i / 8) % 10]
                           || 'benchmark' || (i % 5000),
                       DATE '1940-01-01' + (i % 25000),
                       CASE WHEN i % 2 = 0 THEN 'MALE' ELSE 'FEMALE' END,
                       '+7 9' || lpad((i % 100000000)::text, 9, '0')
                FROM generate_series(1, ?) AS i""").param(PATIENTS).update();
        owner().sql("ANALYZE patient").update();
        System.out.printf("%nPatientSearchBenchmark: inserted %,d patients in %.1f s%n", PATIENTS,
                (System.nanoTime() - started) / 1e9);

        measure("name fragment 'krylovbenchmark12'", () -> patients.search("krylovbenchmark12"));
        measure("name + given name 'orlovbenchmark4 ivan'", () -> patients.search("orlovbenchmark4 ivan"));
        measure("phone digits '000123'", () -> patients.search("000123"));
        measure("birth date '1975-03-02'", () -> patients.search("1975-03-02"));
        String dateAndName = jdbc.sql("SELECT to_char(birth_date, 'DD.MM.YYYY') || ' ' || lower(left(family_name, 5)) "
                + "FROM patient WHERE family_name LIKE 'Belov%' ORDER BY id LIMIT 1").query(String.class).single();
        measure("birth date + name '" + dateAndName + "'", () -> patients.search(dateAndName));
        measure("record number 'CB-150000'", () -> patients.search("CB-150000"));
        measure("two letters 'or' (no index helps)", () -> patients.search("or"));
    }

    private static void measure(String label, Supplier<List<PatientSummary>> search) {
        for (int i = 0; i < 20; i++) {
            search.get(); // warm up the JIT, the plan cache and shared buffers
        }
        List<Double> millis = new ArrayList<>();
        int found = 0;
        for (int i = 0; i < ROUNDS; i++) {
            long t = System.nanoTime();
            found = search.get().size();
            millis.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(millis);
        System.out.printf("  %-42s results %3d   median %6.2f ms   p95 %6.2f ms   max %6.2f ms%n", label, found,
                millis.get(ROUNDS / 2), millis.get(ROUNDS * 95 / 100), millis.get(ROUNDS - 1));
        assertThat(found).as(label).isPositive();
    }
}
