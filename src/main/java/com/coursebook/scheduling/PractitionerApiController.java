package com.coursebook.scheduling;

import java.util.List;

import com.coursebook.catalog.Specialty;
import com.coursebook.catalog.TreatmentProgram;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PractitionerApiController {

    private final Practitioners practitioners;

    PractitionerApiController(Practitioners practitioners) {
        this.practitioners = practitioners;
    }

    @GetMapping("/api/practitioners")
    @Transactional(readOnly = true)
    public List<PractitionerView> practitioners() {
        return practitioners.findAllWithPrograms().stream().map(PractitionerView::of).toList();
    }

    record PractitionerView(Long id, String name, Specialty specialty, boolean active, List<String> programs) {

        static PractitionerView of(Practitioner p) {
            return new PractitionerView(p.getId(), p.getFullName(), p.getSpecialty(), p.isActive(),
                    p.getPrograms().stream().map(TreatmentProgram::getCode).sorted().toList());
        }
    }
}
