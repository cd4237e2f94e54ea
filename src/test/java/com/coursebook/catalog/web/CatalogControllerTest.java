package com.coursebook.catalog.web;

import java.util.List;
import java.util.Locale;

import com.coursebook.catalog.Catalog;
import com.coursebook.catalog.Catalog.ContraindicationView;
import com.coursebook.catalog.Severity;
import com.coursebook.catalog.Temporality;
import com.coursebook.support.ScreenSliceTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The catalog page: readable by all staff, in the reader's language. */
@ScreenSliceTest(CatalogController.class)
class CatalogControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Catalog catalog;

    @Test
    @WithMockUser(roles = "RECEPTIONIST")
    @DisplayName("the catalog lists the contraindications with their names, asked for in the reader's language")
    void lists() throws Exception {
        var fever = new ContraindicationView("FEVER", "Лихорадка", Severity.ABSOLUTE, Temporality.EPISODIC, null,
                null, "clinic protocol", List.of("PROSTATE"), true);
        given(catalog.contraindications(any())).willReturn(List.of(fever));
        mvc.perform(get("/catalog").param("lang", "ru"))
                .andExpect(status().isOk())
                .andExpect(view().name("catalog/index"))
                .andExpect(model().attribute("contraindications", List.of(fever)))
                .andExpect(content().string(containsString("Лихорадка")));
        verify(catalog).contraindications(Locale.forLanguageTag("ru"));
        verify(catalog).programs(Locale.forLanguageTag("ru"));
    }

    @Test
    @DisplayName("an anonymous visitor is sent to the login page")
    void anonymous() throws Exception {
        mvc.perform(get("/catalog")).andExpect(redirectedUrl("/login"));
    }
}
