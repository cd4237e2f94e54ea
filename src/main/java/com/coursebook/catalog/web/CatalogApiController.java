package com.coursebook.catalog.web;

import com.coursebook.catalog.Catalog;
import com.coursebook.catalog.CatalogAdministration;
import com.coursebook.catalog.ContraindicationDetails;
import com.coursebook.catalog.ContraindicationForm;
import com.coursebook.catalog.ProgramDetails;
import com.coursebook.catalog.ProgramForm;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import com.coursebook.catalog.Catalog.ContraindicationView;
import com.coursebook.catalog.Catalog.ProgramView;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalog as JSON; names follow the request's language (Accept-Language or ?lang). One entry by its
 * code gives both languages and the version, which is what an admin sends back with a PUT.
 */
@RestController
@RequestMapping("/api/catalog")
class CatalogApiController {

    private final Catalog catalog;

    private final CatalogAdministration administration;

    CatalogApiController(Catalog catalog, CatalogAdministration administration) {
        this.catalog = catalog;
        this.administration = administration;
    }

    @GetMapping("/programs")
    List<ProgramView> programs(Locale locale) {
        return catalog.programs(locale);
    }

    @GetMapping("/contraindications")
    List<ContraindicationView> contraindications(Locale locale) {
        return catalog.contraindications(locale);
    }

    @GetMapping("/programs/{code}")
    ProgramDetails program(@PathVariable String code) {
        return catalog.programDetails(code);
    }

    @GetMapping("/contraindications/{code}")
    ContraindicationDetails contraindication(@PathVariable String code) {
        return catalog.contraindicationDetails(code);
    }

    /** 200 with the program as now stored; 409 for a stale version or settings that do not fit together. */
    @PutMapping("/programs/{code}")
    ProgramDetails reviseProgram(@PathVariable String code, @Valid @RequestBody ProgramForm form) {
        return administration.reviseProgram(code, form);
    }

    /** 200 with the contraindication as now stored; 409 for a stale version or an illegal combination. */
    @PutMapping("/contraindications/{code}")
    ContraindicationDetails reviseContraindication(@PathVariable String code,
            @Valid @RequestBody ContraindicationForm form) {
        return administration.reviseContraindication(code, form);
    }
}
