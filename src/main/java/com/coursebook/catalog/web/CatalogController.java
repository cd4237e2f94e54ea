package com.coursebook.catalog.web;

import com.coursebook.catalog.Catalog;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class CatalogController {

    private final Catalog catalog;

    CatalogController(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/catalog")
    String catalog(Locale locale, Model model) {
        model.addAttribute("programs", catalog.programs(locale));
        model.addAttribute("contraindications", catalog.contraindications(locale));
        return "catalog/index";
    }
}
