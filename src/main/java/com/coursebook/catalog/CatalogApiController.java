package com.coursebook.catalog;

import java.util.List;
import java.util.Locale;

import com.coursebook.catalog.Catalog.ContraindicationView;
import com.coursebook.catalog.Catalog.ProgramView;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The catalog as JSON; names follow the request's language (Accept-Language or ?lang). */
@RestController
@RequestMapping("/api/catalog")
class CatalogApiController {

    private final Catalog catalog;

    CatalogApiController(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/programs")
    List<ProgramView> programs(Locale locale) {
        return catalog.programs(locale);
    }

    @GetMapping("/contraindications")
    List<ContraindicationView> contraindications(Locale locale) {
        return catalog.contraindications(locale);
    }
}
