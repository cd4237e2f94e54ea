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

import com.coursebook.catalog.NewContraindicationForm;
import com.coursebook.catalog.NewProgramForm;
import com.coursebook.catalog.RoomType;
import com.coursebook.catalog.RoomTypeForm;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

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

    /** 201 with the new program; 400 naming the field for bad input or a code already taken. */
    @PostMapping("/programs")
    @ResponseStatus(HttpStatus.CREATED)
    ProgramDetails addProgram(@Valid @RequestBody NewProgramForm form) {
        return administration.createProgram(form);
    }

    /** Not offered for new courses any more; kept for the courses that have it. */
    @PostMapping("/programs/{code}/retire")
    ProgramDetails retireProgram(@PathVariable String code) {
        return administration.retireProgram(code);
    }

    @PostMapping("/contraindications")
    @ResponseStatus(HttpStatus.CREATED)
    ContraindicationDetails addContraindication(@Valid @RequestBody NewContraindicationForm form) {
        return administration.createContraindication(form);
    }

    /** Ignored by every check from now on; kept, since patients' conditions name it. */
    @PostMapping("/contraindications/{code}/retire")
    ContraindicationDetails retireContraindication(@PathVariable String code) {
        return administration.retireContraindication(code);
    }

    /** Room types, retired ones too. */
    @GetMapping("/room-types")
    List<RoomTypeView> roomTypes() {
        return catalog.roomTypes().stream().map(RoomTypeView::of).toList();
    }

    @PostMapping("/room-types")
    @ResponseStatus(HttpStatus.CREATED)
    RoomTypeView addRoomType(@Valid @RequestBody RoomTypeForm form) {
        return RoomTypeView.of(administration.addRoomType(form));
    }

    /** Renames it (the code stays). */
    @PutMapping("/room-types/{code}")
    RoomTypeView renameRoomType(@PathVariable String code, @Valid @RequestBody RoomTypeForm form) {
        return RoomTypeView.of(administration.renameRoomType(code, form));
    }

    @PostMapping("/room-types/{code}/retire")
    RoomTypeView retireRoomType(@PathVariable String code) {
        return RoomTypeView.of(administration.retireRoomType(code));
    }

    @PostMapping("/room-types/{code}/reinstate")
    RoomTypeView reinstateRoomType(@PathVariable String code) {
        return RoomTypeView.of(administration.reinstateRoomType(code));
    }

    record RoomTypeView(String code, String nameEn, String nameRu, boolean active) {

        static RoomTypeView of(RoomType t) {
            return new RoomTypeView(t.getCode(), t.getName().en(), t.getName().ru(), t.isActive());
        }
    }

    /** 200 with the contraindication as now stored; 409 for a stale version or an illegal combination. */
    @PutMapping("/contraindications/{code}")
    ContraindicationDetails reviseContraindication(@PathVariable String code,
            @Valid @RequestBody ContraindicationForm form) {
        return administration.reviseContraindication(code, form);
    }
}
