package com.coursebook.scheduling.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import com.coursebook.catalog.Specialty;
import com.coursebook.catalog.TreatmentProgram;
import com.coursebook.scheduling.Absence;
import com.coursebook.scheduling.AbsenceForm;
import com.coursebook.scheduling.ClinicAdministration;
import com.coursebook.scheduling.ClinicClosure;
import com.coursebook.scheduling.ClosureForm;
import com.coursebook.scheduling.Location;
import com.coursebook.scheduling.LocationForm;
import com.coursebook.scheduling.Practitioner;
import com.coursebook.scheduling.PractitionerForm;
import com.coursebook.scheduling.Room;
import com.coursebook.scheduling.RoomForm;
import com.coursebook.scheduling.SchedulingAdministration;
import com.coursebook.scheduling.WeeklyPeriodForm;
import com.coursebook.shared.ClinicClock;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin's clinic set-up as JSON: locations, practitioners, rooms, and each practitioner's working hours, breaks
 * and leave, and clinic closures. The same forms and services as the screens, so the same validation; refusals are
 * problem details naming the field. Admins only (the URL rule and the services' own check).
 */
@RestController
@RequestMapping("/api/admin")
class ClinicApiController {

    private final ClinicAdministration clinic;

    private final SchedulingAdministration scheduling;

    private final ClinicClock clock;

    ClinicApiController(ClinicAdministration clinic, SchedulingAdministration scheduling, ClinicClock clock) {
        this.clinic = clinic;
        this.scheduling = scheduling;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- locations

    @GetMapping("/locations")
    List<LocationView> locations() {
        return clinic.locations().stream().map(this::view).toList();
    }

    @GetMapping("/locations/{id}")
    LocationView location(@PathVariable Long id) {
        return view(clinic.location(id));
    }

    @PostMapping("/locations")
    @ResponseStatus(HttpStatus.CREATED)
    LocationView addLocation(@Valid @RequestBody LocationForm form) {
        return view(clinic.addLocation(form));
    }

    @PutMapping("/locations/{id}")
    LocationView changeLocation(@PathVariable Long id, @Valid @RequestBody LocationForm form) {
        return view(clinic.changeLocation(id, form));
    }

    /** A location; {@code zone} is the one its times are read in (its own, or the clinic's default). */
    record LocationView(Long id, String name, String address, String phone, String timeZone, String zone,
            Set<DayOfWeek> openingDays, long version) {
    }

    private LocationView view(Location l) {
        return new LocationView(l.getId(), l.getName(), l.getAddress(), l.getPhone(), l.getTimeZone(),
                l.zone(clock.zone()).getId(), l.getOpeningDays(), l.getVersion());
    }

    // ---------------------------------------------------------------- practitioners

    @GetMapping("/practitioners")
    List<PractitionerView> practitioners() {
        return clinic.practitioners().stream().map(PractitionerView::of).toList();
    }

    @GetMapping("/practitioners/{id}")
    PractitionerView practitioner(@PathVariable Long id) {
        return PractitionerView.of(clinic.practitioner(id));
    }

    @PostMapping("/practitioners")
    @ResponseStatus(HttpStatus.CREATED)
    PractitionerView addPractitioner(@Valid @RequestBody PractitionerForm form) {
        return PractitionerView.of(clinic.addPractitioner(form));
    }

    @PutMapping("/practitioners/{id}")
    PractitionerView changePractitioner(@PathVariable Long id, @Valid @RequestBody PractitionerForm form) {
        return PractitionerView.of(clinic.changePractitioner(id, form));
    }

    @PostMapping("/practitioners/{id}/deactivate")
    PractitionerView deactivate(@PathVariable Long id) {
        return PractitionerView.of(clinic.deactivatePractitioner(id));
    }

    @PostMapping("/practitioners/{id}/activate")
    PractitionerView activate(@PathVariable Long id) {
        return PractitionerView.of(clinic.activatePractitioner(id));
    }

    record PractitionerView(Long id, String givenName, String familyName, Specialty specialty, Long locationId,
            String location, boolean active, List<String> programs, long version) {

        static PractitionerView of(Practitioner p) {
            return new PractitionerView(p.getId(), p.getGivenName(), p.getFamilyName(), p.getSpecialty(),
                    p.getLocation() == null ? null : p.getLocation().getId(),
                    p.getLocation() == null ? null : p.getLocation().getName(), p.isActive(),
                    p.getPrograms().stream().map(TreatmentProgram::getCode).sorted().toList(), p.getVersion());
        }
    }

    // ---------------------------------------------------------------- a practitioner's week and leave

    @GetMapping("/practitioners/{id}/working-hours")
    List<PeriodView> workingHours(@PathVariable Long id) {
        return scheduling.schedule(id).hours().stream()
                .map(h -> new PeriodView(h.getId(), h.getDayOfWeek(), h.getStartsAt(), h.getEndsAt())).toList();
    }

    @PostMapping("/practitioners/{id}/working-hours")
    @ResponseStatus(HttpStatus.CREATED)
    PeriodView addWorkingHours(@PathVariable Long id, @Valid @RequestBody WeeklyPeriodForm form) {
        var h = scheduling.addWorkingHours(id, form);
        return new PeriodView(h.getId(), h.getDayOfWeek(), h.getStartsAt(), h.getEndsAt());
    }

    @DeleteMapping("/practitioners/{id}/working-hours/{hoursId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeWorkingHours(@PathVariable Long id, @PathVariable Long hoursId) {
        scheduling.removeWorkingHours(id, hoursId);
    }

    @GetMapping("/practitioners/{id}/breaks")
    List<PeriodView> breaks(@PathVariable Long id) {
        return scheduling.schedule(id).breaks().stream()
                .map(b -> new PeriodView(b.getId(), b.getDayOfWeek(), b.getStartsAt(), b.getEndsAt())).toList();
    }

    @PostMapping("/practitioners/{id}/breaks")
    @ResponseStatus(HttpStatus.CREATED)
    PeriodView addBreak(@PathVariable Long id, @Valid @RequestBody WeeklyPeriodForm form) {
        var b = scheduling.addBreak(id, form);
        return new PeriodView(b.getId(), b.getDayOfWeek(), b.getStartsAt(), b.getEndsAt());
    }

    @DeleteMapping("/practitioners/{id}/breaks/{breakId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeBreak(@PathVariable Long id, @PathVariable Long breakId) {
        scheduling.removeBreak(id, breakId);
    }

    /** Current and upcoming leave. */
    @GetMapping("/practitioners/{id}/leave")
    List<LeaveView> leave(@PathVariable Long id) {
        return scheduling.schedule(id).absences().stream().map(LeaveView::of).toList();
    }

    @PostMapping("/practitioners/{id}/leave")
    @ResponseStatus(HttpStatus.CREATED)
    LeaveView addLeave(@PathVariable Long id, @Valid @RequestBody AbsenceForm form) {
        return LeaveView.of(scheduling.addAbsence(id, form));
    }

    @DeleteMapping("/practitioners/{id}/leave/{leaveId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeLeave(@PathVariable Long id, @PathVariable Long leaveId) {
        scheduling.removeAbsence(id, leaveId);
    }

    record PeriodView(Long id, DayOfWeek day, LocalTime startsAt, LocalTime endsAt) {
    }

    record LeaveView(Long id, LocalDate startsOn, LocalDate endsOn, String reason) {

        static LeaveView of(Absence a) {
            return new LeaveView(a.getId(), a.getStartsOn(), a.getEndsOn(), a.getReason());
        }
    }

    // ---------------------------------------------------------------- closures

    /** Today's and later closures. */
    @GetMapping("/closures")
    List<ClosureView> closures() {
        return scheduling.upcomingClosures().stream().map(ClosureView::of).toList();
    }

    @PostMapping("/closures")
    @ResponseStatus(HttpStatus.CREATED)
    ClosureView addClosure(@Valid @RequestBody ClosureForm form) {
        return ClosureView.of(scheduling.addClosure(form));
    }

    @DeleteMapping("/closures/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeClosure(@PathVariable Long id) {
        scheduling.removeClosure(id);
    }

    /** {@code locationId} null: every location. */
    record ClosureView(Long id, LocalDate closedOn, Long locationId, String reason) {

        static ClosureView of(ClinicClosure c) {
            return new ClosureView(c.getId(), c.getClosedOn(), c.isEverywhere() ? null : c.getLocation().getId(),
                    c.getReason());
        }
    }

    // ---------------------------------------------------------------- rooms

    @GetMapping("/rooms")
    List<RoomView> rooms() {
        return scheduling.roomsByLocation().stream().flatMap(lr -> lr.rooms().stream()).map(RoomView::of).toList();
    }

    @PostMapping("/rooms")
    @ResponseStatus(HttpStatus.CREATED)
    RoomView addRoom(@Valid @RequestBody RoomForm form) {
        return RoomView.of(scheduling.addRoom(form));
    }

    @PostMapping("/rooms/{id}/deactivate")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deactivateRoom(@PathVariable Long id) {
        scheduling.deactivateRoom(id);
    }

    @PostMapping("/rooms/{id}/activate")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void activateRoom(@PathVariable Long id) {
        scheduling.activateRoom(id);
    }

    record RoomView(Long id, Long locationId, String location, String name, String roomType, boolean active) {

        static RoomView of(Room r) {
            return new RoomView(r.getId(), r.getLocation().getId(), r.getLocation().getName(), r.getName(),
                    r.getRoomType(), r.isActive());
        }
    }
}
