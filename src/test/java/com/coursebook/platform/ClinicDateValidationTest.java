package com.coursebook.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import com.coursebook.patient.ExaminationForm;
import com.coursebook.patient.PatientForm;
import com.coursebook.shared.ClinicClock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * "Not in the future" is judged by the clinic's date. At 22:00 UTC it is already tomorrow in Moscow: an examination
 * recorded today in the clinic was refused as one in the future while the server's clock (UTC) still read yesterday.
 */
class ClinicDateValidationTest {

    // 2026-12-07 22:00 UTC = 2026-12-08 01:00 in Moscow.
    private static final ClinicClock MOSCOW_AFTER_MIDNIGHT = new ClinicClock(
            Clock.fixed(Instant.parse("2026-12-07T22:00:00Z"), ZoneId.of("Europe/Moscow")));

    private final LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();

    ClinicDateValidationTest() {
        validator.setConfigurationInitializer(configuration -> new PlatformConfiguration()
                .clinicDatesForValidation(MOSCOW_AFTER_MIDNIGHT).customize(configuration));
        validator.afterPropertiesSet();
    }

    @AfterEach
    void close() {
        validator.close();
    }

    @Test
    @DisplayName("an examination dated the clinic's today is not in the future, whatever the server's date")
    void examinationToday() {
        ExaminationForm form = new ExaminationForm();
        form.setExaminedOn(LocalDate.of(2026, 12, 8));
        assertThat(validator.validateProperty(form, "examinedOn")).isEmpty();
        form.setExaminedOn(LocalDate.of(2026, 12, 9));
        assertThat(validator.validateProperty(form, "examinedOn")).hasSize(1);
    }

    @Test
    @DisplayName("a period that started on the clinic's today, and a birth date of today, are accepted")
    void patientDatesToday() {
        PatientForm form = new PatientForm();
        form.setLastPeriodStart(LocalDate.of(2026, 12, 8));
        form.setBirthDate(LocalDate.of(2026, 12, 8));
        assertThat(validator.validateProperty(form, "lastPeriodStart")).isEmpty();
        assertThat(validator.validateProperty(form, "birthDate")).isEmpty();
        form.setLastPeriodStart(LocalDate.of(2026, 12, 9));
        form.setBirthDate(LocalDate.of(2026, 12, 9));
        assertThat(validator.validateProperty(form, "lastPeriodStart")).hasSize(1);
        assertThat(validator.validateProperty(form, "birthDate")).hasSize(1);
    }
}
