package com.coursebook.scheduling.web;

import com.coursebook.scheduling.Availability;
import com.coursebook.scheduling.Practitioner;
import com.coursebook.scheduling.Practitioners;
import com.coursebook.scheduling.Slot;
import java.time.LocalDate;
import java.util.List;

import com.coursebook.catalog.Specialty;
import com.coursebook.catalog.TreatmentProgram;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PractitionerApiController {

    private final Practitioners practitioners;

    private final Availability availability;

    PractitionerApiController(Practitioners practitioners, Availability availability) {
        this.practitioners = practitioners;
        this.availability = availability;
    }

    @GetMapping("/api/practitioners")
    @Transactional(readOnly = true)
    public List<PractitionerView> practitioners() {
        return practitioners.findAllWithPrograms().stream().map(PractitionerView::of).toList();
    }

    /** Where a session of {@code minutes} fits, on clinic dates {@code from} to {@code to}, both included. */
    @GetMapping("/api/practitioners/{id}/free-slots")
    public List<Slot> freeSlots(@PathVariable Long id,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam int minutes) {
        return availability.freeSlots(id, from, to, minutes);
    }

    record PractitionerView(Long id, String name, Specialty specialty, boolean active, List<String> programs) {

        static PractitionerView of(Practitioner p) {
            return new PractitionerView(p.getId(), p.getFullName(), p.getSpecialty(), p.isActive(),
                    p.getPrograms().stream().map(TreatmentProgram::getCode).sorted().toList());
        }
    }
}
