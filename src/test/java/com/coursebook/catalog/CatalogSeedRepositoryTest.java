package com.coursebook.catalog;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.coursebook.support.PostgresRepositoryTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresRepositoryTest
class CatalogSeedRepositoryTest {

    @Autowired
    Contraindications contraindications;

    @Autowired
    TreatmentPrograms programs;

    @Test
    @DisplayName("the shipped programs carry DOMAIN.md's course lengths and cadences")
    void programs() {
        TreatmentProgram prostate = programs.findByCode("PROSTATE_MASSAGE").orElseThrow();
        assertThat(prostate.getEligibleSex()).isEqualTo(EligibleSex.MALE);
        assertThat(prostate.getMinSessions()).isEqualTo(8);
        assertThat(prostate.getMaxSessions()).isEqualTo(15);
        assertThat(prostate.getCadenceDays()).isEqualTo(2);
        assertThat(prostate.isRequiresExamination()).isTrue();

        TreatmentProgram gyn = programs.findByCode("GYNECOLOGICAL_MASSAGE").orElseThrow();
        assertThat(gyn.getEligibleSex()).isEqualTo(EligibleSex.FEMALE);
        assertThat(gyn.getMinSessions()).isEqualTo(10);
        assertThat(gyn.getMaxSessions()).isEqualTo(60);
        assertThat(Catalog.programsPausedByRecurringConditions(contraindications.findAllWithPrograms()))
                .containsExactlyInAnyOrder("GYNECOLOGICAL_MASSAGE", "HAEMORRHOID_MASSAGE");
        assertThat(gyn.handsOnMinutes(1)).isEqualTo(5);
        assertThat(gyn.handsOnMinutes(20)).isEqualTo(20);

        assertThat(programs.findByCode("HAEMORRHOID_MASSAGE").orElseThrow().getEligibleSex()).isEqualTo(EligibleSex.ANY);
    }

    @Test
    @DisplayName("kinds follow DOMAIN.md: adenoma is relative, childbirth a 56-day window, menstruation recurring")
    void kinds() {
        Map<String, Contraindication> byCode = contraindications.findAllWithPrograms().stream()
                .collect(Collectors.toMap(Contraindication::getCode, Function.identity()));
        assertThat(byCode.get("PROSTATE_ADENOMA").getSeverity()).isEqualTo(Severity.RELATIVE);
        assertThat(byCode.get("CHRONIC_BACTERIAL_PROSTATITIS").getSeverity()).isEqualTo(Severity.RELATIVE);
        assertThat(byCode.get("ACUTE_PROSTATITIS").getSeverity()).isEqualTo(Severity.ABSOLUTE);
        assertThat(byCode.get("ACUTE_PROSTATITIS").getTemporality()).isEqualTo(Temporality.EPISODIC);
        assertThat(byCode.get("CHILDBIRTH_OR_SURGERY").getTemporality()).isEqualTo(Temporality.WINDOW_AFTER_EVENT);
        assertThat(byCode.get("CHILDBIRTH_OR_SURGERY").getWindowDays()).isEqualTo(56);
        assertThat(byCode.get("MENSTRUATION").getTemporality()).isEqualTo(Temporality.RECURRING);
        assertThat(byCode.get("HAEMORRHOIDS").getPrograms()).extracting(TreatmentProgram::getCode)
                .containsExactly("PROSTATE_MASSAGE");
        assertThat(byCode.get("ANAL_FISSURE").getPrograms()).extracting(TreatmentProgram::getCode)
                .containsExactlyInAnyOrder("PROSTATE_MASSAGE", "HAEMORRHOID_MASSAGE");
        assertThat(byCode.values()).allSatisfy(c -> assertThat(c.getPrograms()).isNotEmpty());
        assertThat(byCode.values()).allSatisfy(c -> assertThat(c.getName().ru()).isNotBlank());
    }

    @Test
    @DisplayName("every contraindication applies to at least one program, and codes are stable")
    void codes() {
        List<String> codes = contraindications.findAllWithPrograms().stream().map(Contraindication::getCode).toList();
        assertThat(codes).containsAll(CatalogApiTest.DOMAIN_CONTRAINDICATIONS);
    }
}
