package com.coursebook.catalog;

import java.util.List;

import com.coursebook.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class CatalogApiTest {

    /** Every contraindication of DOMAIN.md, by the code the catalog gives it. */
    static final List<String> DOMAIN_CONTRAINDICATIONS = List.of(
            // prostate massage
            "ACUTE_PROSTATITIS", "URINARY_TRACT_INFECTION", "MALIGNANT_TUMOUR", "PROSTATE_ABSCESS", "PROSTATE_CYST",
            "PROSTATE_STONES", "ANAL_FISSURE", "HAEMORRHOIDS", "URINARY_RETENTION",
            "ACUTE_INTESTINAL_OR_GENITOURINARY_DISEASE", "PROSTATE_ADENOMA", "CHRONIC_BACTERIAL_PROSTATITIS",
            // gynecological massage
            "ACUTE_INFECTION", "FEVER", "SEXUALLY_TRANSMITTED_INFECTION", "PELVIC_NEOPLASM", "TUBERCULOSIS",
            "PELVIC_THROMBOPHLEBITIS", "CONGENITAL_UTERINE_MALPOSITION", "MENSTRUATION", "PREGNANCY", "LACTATION",
            "BOWEL_DISEASE", "CHILDBIRTH_OR_SURGERY", "CERVICAL_EROSION", "LIVER_OR_KIDNEY_DYSFUNCTION",
            "MASSAGE_INTOLERANCE", "GENITAL_INFLAMMATION", "PROCEDURE_PAIN",
            // rectal massage for haemorrhoids
            "SPREADING_INFLAMMATION", "RECTAL_BLEEDING", "PROLAPSED_HAEMORRHOIDS", "RECTAL_NEOPLASM",
            "ACUTE_ABDOMINAL_DISEASE", "ABDOMINAL_TUMOUR", "GASTROINTESTINAL_BLEEDING");

    @Autowired
    MockMvc mvc;

    @Test
    @DisplayName("lists the three programs of DOMAIN.md")
    void programs() throws Exception {
        mvc.perform(get("/api/catalog/programs").with(httpBasic("reception", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(3)))
                .andExpect(jsonPath("$[*].code", containsInAnyOrder("PROSTATE_MASSAGE", "GYNECOLOGICAL_MASSAGE",
                        "HAEMORRHOID_MASSAGE")));
    }

    @Test
    @DisplayName("lists every contraindication of DOMAIN.md with its severity, in the caller's language")
    void contraindications() throws Exception {
        mvc.perform(get("/api/catalog/contraindications").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(DOMAIN_CONTRAINDICATIONS.size())))
                .andExpect(jsonPath("$[*].code", containsInAnyOrder(DOMAIN_CONTRAINDICATIONS.toArray())))
                .andExpect(jsonPath("$[?(@.code == 'PROSTATE_ADENOMA')].severity").value("RELATIVE"))
                .andExpect(jsonPath("$[?(@.code == 'ACUTE_PROSTATITIS')].name").value("Acute prostatitis"));
        mvc.perform(get("/api/catalog/contraindications").header("Accept-Language", "ru")
                        .with(httpBasic("admin", "demo")))
                .andExpect(jsonPath("$[?(@.code == 'ACUTE_PROSTATITIS')].name").value("Острый простатит"));
    }

    @Test
    @DisplayName("lists practitioners with the programs they may perform")
    void practitioners() throws Exception {
        mvc.perform(get("/api/practitioners").with(httpBasic("reception", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].programs[*]", hasItems("PROSTATE_MASSAGE", "GYNECOLOGICAL_MASSAGE")))
                .andExpect(jsonPath("$[0].id").isNumber());
    }

    @Test
    @DisplayName("refuses an anonymous caller with 401 problem details, not a login redirect")
    void anonymous() throws Exception {
        mvc.perform(get("/api/catalog/programs"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value(401));
    }
}
