package com.coursebook.scheduling;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.coursebook.audit.AuditTrail;
import com.coursebook.catalog.Catalog;
import com.coursebook.catalog.RoomType;
import com.coursebook.shared.ClinicClock;
import com.coursebook.shared.InvalidRequestException;
import com.coursebook.shared.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins keep the clinic's time in order: each practitioner's working hours, breaks and leave, clinic
 * closures and rooms. Every change is refused whole if illegal and written to the audit trail. Rows are
 * added and removed, not edited, so the trail reads as a list of what was there when.
 */
@Service
@Transactional
@PreAuthorize("hasRole('ADMIN')")
public class SchedulingAdministration {

    private final Practitioners practitioners;

    private final WorkingHoursRepository workingHours;

    private final WorkingBreaks breaks;

    private final Absences absences;

    private final ClinicClosures closures;

    private final Rooms rooms;

    private final Locations locations;

    private final Catalog catalog;

    private final AuditTrail audit;

    private final ClinicClock clock;

    private final ApplicationEventPublisher events;

    SchedulingAdministration(Practitioners practitioners, WorkingHoursRepository workingHours, WorkingBreaks breaks,
            Absences absences, ClinicClosures closures, Rooms rooms, Locations locations,
            Catalog catalog, AuditTrail audit, ClinicClock clock, ApplicationEventPublisher events) {
        this.practitioners = practitioners;
        this.workingHours = workingHours;
        this.breaks = breaks;
        this.absences = absences;
        this.closures = closures;
        this.rooms = rooms;
        this.locations = locations;
        this.catalog = catalog;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    /** One practitioner's week and current or upcoming leave, for the admin's page. */
    public record Schedule(Practitioner practitioner, List<WorkingHours> hours, List<WorkingBreak> breaks,
            List<Absence> absences) {
    }

    @Transactional(readOnly = true)
    public List<Practitioner> practitioners() {
        return practitioners.findAllWithLocation();
    }

    @Transactional(readOnly = true)
    public Schedule schedule(Long practitionerId) {
        Practitioner practitioner = practitioner(practitionerId);
        return new Schedule(practitioner, workingHours.findWeek(practitionerId), breaks.findWeek(practitionerId),
                absences.findCurrentAndUpcoming(practitionerId, clock.today()));
    }

    public WorkingHours addWorkingHours(Long practitionerId, WeeklyPeriodForm form) {
        Practitioner practitioner = practitioner(practitionerId);
        // Overlapping hours would double every slot in them; the admin most likely meant to change the period.
        boolean overlaps = workingHours.findWeek(practitionerId).stream()
                .anyMatch(h -> h.getDayOfWeek() == form.getDay()
                        && overlaps(h.getStartsAt(), h.getEndsAt(), form.getStartsAt(), form.getEndsAt()));
        if (overlaps) {
            throw new InvalidRequestException("startsAt", "scheduling.hours.overlap");
        }
        WorkingHours hours = workingHours.save(new WorkingHours(practitioner, form.getDay(), form.getStartsAt(),
                form.getEndsAt(), practitioner.getLocation()));
        audit.record("CREATE", "WORKING_HOURS", hours.getId(), null,
                describe(practitionerId, form.getDay() + " " + form.getStartsAt() + "–" + form.getEndsAt()));
        return hours;
    }

    public void removeWorkingHours(Long practitionerId, Long hoursId) {
        WorkingHours hours = workingHours.findOne(practitionerId, hoursId)
                .orElseThrow(() -> new NotFoundException("scheduling.entry.notFound"));
        workingHours.delete(hours);
        audit.record("DELETE", "WORKING_HOURS", hoursId, null,
                describe(practitionerId, hours.getDayOfWeek() + " " + hours.getStartsAt() + "–" + hours.getEndsAt()));
    }

    public WorkingBreak addBreak(Long practitionerId, WeeklyPeriodForm form) {
        Practitioner practitioner = practitioner(practitionerId);
        boolean overlaps = breaks.findWeek(practitionerId).stream().anyMatch(b -> b.getDayOfWeek() == form.getDay()
                && overlaps(b.getStartsAt(), b.getEndsAt(), form.getStartsAt(), form.getEndsAt()));
        if (overlaps) {
            throw new InvalidRequestException("startsAt", "scheduling.breaks.overlap");
        }
        WorkingBreak pause = breaks.save(new WorkingBreak(practitioner, form.getDay(), form.getStartsAt(),
                form.getEndsAt()));
        audit.record("CREATE", "WORKING_BREAK", pause.getId(), null,
                describe(practitionerId, form.getDay() + " " + form.getStartsAt() + "–" + form.getEndsAt()));
        return pause;
    }

    public void removeBreak(Long practitionerId, Long breakId) {
        WorkingBreak pause = breaks.findOne(practitionerId, breakId)
                .orElseThrow(() -> new NotFoundException("scheduling.entry.notFound"));
        breaks.delete(pause);
        audit.record("DELETE", "WORKING_BREAK", breakId, null,
                describe(practitionerId, pause.getDayOfWeek() + " " + pause.getStartsAt() + "–" + pause.getEndsAt()));
    }

    public Absence addAbsence(Long practitionerId, AbsenceForm form) {
        Practitioner practitioner = practitioner(practitionerId);
        if (!absences.findOverlapping(practitionerId, form.getStartsOn(), form.getEndsOn()).isEmpty()) {
            throw new InvalidRequestException("startsOn", "scheduling.absence.overlap");
        }
        Absence absence = absences.save(new Absence(practitioner, form.getStartsOn(), form.getEndsOn(),
                form.getReason()));
        audit.record("CREATE", "PRACTITIONER_ABSENCE", absence.getId(), null, describe(absence, practitionerId));
        events.publishEvent(new DaysOffChanged(DaysOffChanged.Kind.LEAVE, practitionerId, null,
                absence.getStartsOn(), absence.getEndsOn(), true));
        return absence;
    }

    public void removeAbsence(Long practitionerId, Long absenceId) {
        Absence absence = absences.findOne(practitionerId, absenceId)
                .orElseThrow(() -> new NotFoundException("scheduling.entry.notFound"));
        absences.delete(absence);
        audit.record("DELETE", "PRACTITIONER_ABSENCE", absenceId, null, describe(absence, practitionerId));
        events.publishEvent(new DaysOffChanged(DaysOffChanged.Kind.LEAVE, practitionerId, null,
                absence.getStartsOn(), absence.getEndsOn(), false));
    }

    /** Today's and later closures: past ones no longer change any plan. */
    @Transactional(readOnly = true)
    public List<ClinicClosure> upcomingClosures() {
        return closures.findUpcoming(clock.today());
    }

    public ClinicClosure addClosure(ClosureForm form) {
        Location location = form.getLocationId() == null ? null : location(form.getLocationId());
        if (closures.existsFor(form.getLocationId(), form.getClosedOn())) {
            throw new InvalidRequestException("closedOn", "scheduling.closure.duplicate");
        }
        ClinicClosure closure = location == null ? ClinicClosure.everywhere(form.getClosedOn(), form.getReason())
                : ClinicClosure.of(location, form.getClosedOn(), form.getReason());
        try {
            closure = closures.save(closure);
            closures.flush();
        }
        catch (DataIntegrityViolationException ex) {
            // Another admin recorded the same day between our check and our insert; the unique index held.
            throw new InvalidRequestException("closedOn", "scheduling.closure.duplicate");
        }
        audit.record("CREATE", "CLINIC_CLOSURE", closure.getId(), null, describe(closure));
        events.publishEvent(new DaysOffChanged(DaysOffChanged.Kind.CLOSURE, null, form.getLocationId(),
                closure.getClosedOn(), closure.getClosedOn(), true));
        return closure;
    }

    public void removeClosure(Long closureId) {
        ClinicClosure closure = closures.findById(closureId)
                .orElseThrow(() -> new NotFoundException("scheduling.entry.notFound"));
        String details = describe(closure);
        closures.delete(closure);
        audit.record("DELETE", "CLINIC_CLOSURE", closureId, null, details);
        events.publishEvent(new DaysOffChanged(DaysOffChanged.Kind.CLOSURE, null,
                closure.getLocation() == null ? null : closure.getLocation().getId(), closure.getClosedOn(),
                closure.getClosedOn(), false));
    }

    @Transactional(readOnly = true)
    public List<Location> locations() {
        return locations.findAllByOrderByName();
    }

    /** A location and its rooms, for the rooms page. */
    public record LocationRooms(Location location, List<Room> rooms) {
    }

    /** Every location with its rooms, including locations that have none yet: two queries. */
    @Transactional(readOnly = true)
    public List<LocationRooms> roomsByLocation() {
        Map<Long, List<Room>> byLocation = rooms.findAllWithLocation().stream()
                .collect(Collectors.groupingBy(room -> room.getLocation().getId()));
        return locations.findAllByOrderByName().stream()
                .map(location -> new LocationRooms(location, byLocation.getOrDefault(location.getId(), List.of())))
                .toList();
    }

    /** The room types in use (the admin keeps the list in the catalog); a new room takes one of these. */
    @Transactional(readOnly = true)
    public List<RoomType> roomTypes() {
        return catalog.roomTypes().stream().filter(RoomType::isActive).toList();
    }

    public Room addRoom(RoomForm form) {
        Location location = location(form.getLocationId());
        if (roomTypes().stream().noneMatch(type -> type.getCode().equals(form.getRoomType()))) {
            throw new InvalidRequestException("roomType", "scheduling.room.type.unknown");
        }
        String name = form.getName().strip();
        if (rooms.existsByName(location.getId(), name)) {
            throw new InvalidRequestException("name", "scheduling.room.duplicate");
        }
        Room room;
        try {
            room = rooms.save(new Room(location, name, form.getRoomType()));
            rooms.flush();
        }
        catch (DataIntegrityViolationException ex) {
            throw new InvalidRequestException("name", "scheduling.room.duplicate");
        }
        audit.record("CREATE", "ROOM", room.getId(), null,
                location.getName() + " / " + room.getName() + " (" + room.getRoomType() + ")");
        return room;
    }

    public void deactivateRoom(Long roomId) {
        Room room = room(roomId);
        if (room.isActive()) {
            room.deactivate();
            audit.record("UPDATE", "ROOM", roomId, null, "active: true → false");
        }
    }

    public void activateRoom(Long roomId) {
        Room room = room(roomId);
        if (!room.isActive()) {
            room.activate();
            audit.record("UPDATE", "ROOM", roomId, null, "active: false → true");
        }
    }

    private Practitioner practitioner(Long id) {
        return practitioners.findWithLocation(id)
                .orElseThrow(() -> new NotFoundException("availability.practitioner.notFound", String.valueOf(id)));
    }

    private Location location(Long id) {
        return locations.findById(id).orElseThrow(() -> new InvalidRequestException("locationId",
                "scheduling.location.unknown"));
    }

    private Room room(Long id) {
        return rooms.findById(id).orElseThrow(() -> new NotFoundException("scheduling.entry.notFound"));
    }

    private static boolean overlaps(LocalTime aStart, LocalTime aEnd, LocalTime bStart, LocalTime bEnd) {
        return aStart.isBefore(bEnd) && bStart.isBefore(aEnd);
    }

    private static String describe(Long practitionerId, String what) {
        return "practitioner " + practitionerId + ": " + what;
    }

    private static String describe(Absence absence, Long practitionerId) {
        return describe(practitionerId, absence.getStartsOn() + ".." + absence.getEndsOn()
                + (absence.getReason() == null ? "" : " (" + absence.getReason() + ")"));
    }

    private static String describe(ClinicClosure closure) {
        LocalDate day = closure.getClosedOn();
        return day + " " + (closure.isEverywhere() ? "all locations" : closure.getLocation().getName()) + ": "
                + closure.getReason();
    }
}
