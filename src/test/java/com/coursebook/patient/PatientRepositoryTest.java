package com.coursebook.patient;

import java.time.LocalDate;
import java.util.List;

import com.coursebook.shared.Sex;
import com.coursebook.support.PostgresRepositoryTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@PostgresRepositoryTest
@Import(PatientSearch.class)
class PatientRepositoryTest {

    @Autowired
    Patients patients;

    @Autowired
    PatientSearch search;

    @Autowired
    JdbcClient jdbc;

    Patient orlov;

    Patient orlova;

    @BeforeEach
    void registerPatients() {
        orlov = patients.saveAndFlush(Patient.register(details("Ivan", "Orlov", LocalDate.of(1975, 3, 2), Sex.MALE,
                "+7 900 123-45-67")));
        orlova = patients.saveAndFlush(Patient.register(details("Anna", "Orlova", LocalDate.of(1988, 7, 14),
                Sex.FEMALE, "8 (912) 555 01 02")));
        patients.saveAndFlush(Patient.register(details("Pavel", "Zhukov", LocalDate.of(1975, 3, 2), Sex.MALE, null)));
    }

    @Test
    @DisplayName("the database gives every patient a unique record number")
    void recordNumbers() {
        assertThat(orlov.getRecordNumber()).matches("CB-\\d{6}");
        assertThat(orlova.getRecordNumber()).isNotEqualTo(orlov.getRecordNumber());
    }

    @Test
    @DisplayName("finds patients by a fragment of the name, ignoring case")
    void byName() {
        assertThat(names(search.search("orlo"))).containsExactly("Orlov Ivan", "Orlova Anna");
        assertThat(names(search.search("ORLOVA an"))).containsExactly("Orlova Anna");
    }

    @Test
    @DisplayName("finds patients by phone digits, whatever the punctuation")
    void byPhone() {
        assertThat(names(search.search("123-45"))).containsExactly("Orlov Ivan");
        assertThat(names(search.search("5550102"))).containsExactly("Orlova Anna");
    }

    @Test
    @DisplayName("finds patients by birth date in ISO or dotted form, combined with a name")
    void byBirthDate() {
        assertThat(names(search.search("1975-03-02"))).containsExactly("Orlov Ivan", "Zhukov Pavel");
        assertThat(names(search.search("02.03.1975 zhuk"))).containsExactly("Zhukov Pavel");
    }

    @Test
    @DisplayName("finds patients by a name and a birth year, as a patient gives them on the phone")
    void byNameAndBirthYear() {
        assertThat(names(search.search("orlov 1975"))).containsExactly("Orlov Ivan");
        assertThat(names(search.search("1988 orlo"))).containsExactly("Orlova Anna");
        assertThat(names(search.search("zhukov 1976"))).isEmpty();
        // four digits may still be part of a phone number
        assertThat(names(search.search("orlova 0102"))).containsExactly("Orlova Anna");
    }

    @Test
    @DisplayName("finds patients by a name in Cyrillic")
    void byCyrillicName() {
        patients.saveAndFlush(Patient.register(details("Ольга", "Савина", LocalDate.of(1975, 5, 6), Sex.FEMALE, null)));
        assertThat(names(search.search("САВИНА ольга"))).containsExactly("Савина Ольга");
        assertThat(names(search.search("савин 1975"))).containsExactly("Савина Ольга");
    }

    @Test
    @DisplayName("finds a patient by record number")
    void byRecordNumber() {
        assertThat(names(search.search(orlova.getRecordNumber().toLowerCase()))).containsExactly("Orlova Anna");
    }

    @Test
    @DisplayName("treats LIKE wildcards in the query as plain characters")
    void wildcardsAreLiteral() {
        assertThat(search.search("%")).isEmpty();
        assertThat(search.search("_rlov")).isEmpty();
    }

    @Test
    @DisplayName("points out a possible duplicate: same name, other case, same birth date")
    void duplicates() {
        assertThat(patients.findPossibleDuplicates("ORLOV", "ivan", LocalDate.of(1975, 3, 2)))
                .extracting(Patient::getId).containsExactly(orlov.getId());
        assertThat(patients.findPossibleDuplicates("Orlov", "Ivan", LocalDate.of(1975, 3, 3))).isEmpty();
    }

    @Test
    @DisplayName("the database refuses a blank family name even if the application were bypassed")
    void databaseRefusesBlankName() {
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO patient (given_name, family_name, birth_date, sex) "
                + "VALUES ('A', '  ', DATE '1980-01-01', 'MALE')").update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    @DisplayName("cycle data is kept for female patients only")
    void cycleDataOnlyForWomen() {
        Patient man = Patient.register(new PatientDetails("Oleg", null, "Belov", LocalDate.of(1970, 1, 1), Sex.MALE,
                null, null, null, LocalDate.of(2026, 11, 1), 28, 5));
        Patient woman = Patient.register(new PatientDetails("Olga", null, "Belova", LocalDate.of(1990, 1, 1),
                Sex.FEMALE, null, null, null, LocalDate.of(2026, 11, 1), 28, 5));
        assertThat(man.getLastPeriodStart()).isNull();
        assertThat(woman.getLastPeriodStart()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(woman.getCycleLengthDays()).isEqualTo(28);
    }

    private static List<String> names(List<PatientSummary> found) {
        return found.stream().map(PatientSummary::fullName).toList();
    }

    static PatientDetails details(String given, String family, LocalDate birthDate, Sex sex, String phone) {
        return new PatientDetails(given, null, family, birthDate, sex, phone, null, null, null, null, null);
    }
}
