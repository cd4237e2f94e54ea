package com.coursebook.course.web;


import jakarta.servlet.http.HttpServletRequest;

import com.coursebook.course.Calendar;
import com.coursebook.course.CourseQueries;
import com.coursebook.course.Course;
import com.coursebook.course.CourseView;
import com.coursebook.course.SessionService;
import com.coursebook.course.SessionStatus;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;


import com.coursebook.patient.PatientService;
import com.coursebook.scheduling.Practitioner;
import com.coursebook.scheduling.Practitioners;
import com.coursebook.scheduling.Rooms;
import com.coursebook.security.AppUsers;
import com.coursebook.security.Staff;
import com.coursebook.shared.ClinicClock;
import com.coursebook.shared.ReturnsTo;
import com.coursebook.shared.Typed;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Week and day calendars per practitioner, and the session page to move or cancel from them. */
@Controller
class CalendarController {

    private final Calendar calendar;

    private final Practitioners practitioners;

    private final AppUsers users;

    private final CourseQueries courses;

    private final SessionService sessions;

    private final PatientService patients;

    private final ClinicClock clock;

    private final Rooms rooms;

    CalendarController(Calendar calendar, Practitioners practitioners, AppUsers users, CourseQueries courses,
            SessionService sessions, PatientService patients, ClinicClock clock, Rooms rooms) {
        this.rooms = rooms;
        this.calendar = calendar;
        this.practitioners = practitioners;
        this.users = users;
        this.courses = courses;
        this.sessions = sessions;
        this.patients = patients;
        this.clock = clock;
    }

    /** A practitioner's calendar, or a room's when {@code room} is given. */
    @GetMapping("/calendar")
    String calendar(@RequestParam(required = false) Long practitioner, @RequestParam(required = false) Long room,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(defaultValue = "week") String view, Model model, Locale locale) {
        List<Practitioner> all = practitioners.findAllWithPrograms();
        Long shown = room != null ? null
                : practitioner != null ? practitioner : ownPractitioner().orElse(all.isEmpty() ? null : all.get(0).getId());
        LocalDate day = date == null ? clock.today() : date;
        boolean week = !"day".equals(view);
        LocalDate from = week ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day;
        LocalDate to = week ? from.plusDays(6) : day;
        List<Calendar.Entry> entries = room != null ? calendar.room(room, from, to, locale)
                : shown == null ? List.of() : calendar.practitioner(shown, from, to, locale);
        java.util.Map<LocalDate, List<Calendar.Entry>> byDay = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            byDay.put(d, new java.util.ArrayList<>());
        }
        entries.forEach(e -> byDay.get(e.date()).add(e));
        model.addAttribute("practitioners", all);
        model.addAttribute("practitioner", shown);
        model.addAttribute("rooms", rooms.findAllWithLocation());
        model.addAttribute("room", room);
        model.addAttribute("days", byDay);
        model.addAttribute("date", day);
        model.addAttribute("view", week ? "week" : "day");
        model.addAttribute("previous", week ? from.minusWeeks(1) : day.minusDays(1));
        model.addAttribute("next", week ? from.plusWeeks(1) : day.plusDays(1));
        model.addAttribute("today", clock.today());
        return "course/calendar";
    }

    /** {@code cancel} (patient or clinic): the page asks to confirm that cancellation before anything changes. */
    @GetMapping("/sessions/{id}")
    String session(@PathVariable Long id, @RequestParam(required = false) String cancel, Model model, Locale locale) {
        if ("patient".equals(cancel) || "clinic".equals(cancel)) {
            model.addAttribute("confirmCancel", cancel);
        }
        model.addAttribute("now", clock.toLocal(clock.now()));
        CourseView course = courses.courseOfSession(id, locale);
        model.addAttribute("course", course);
        // Not "session": in a template that name is the HTTP session's attributes, which would hide this one.
        CourseView.SessionView shown = course.sessions().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
        model.addAttribute("courseSession", shown);
        // what "this and all later" would move with it (SessionService.move): booked sessions later in time
        model.addAttribute("laterBooked", course.sessions().stream().filter(s -> s.status() == SessionStatus.BOOKED
                && s.startsAt().isAfter(shown.startsAt())).count());
        model.addAttribute("patient", patients.view(course.patientId()));
        return "course/session";
    }

    @PostMapping("/sessions/{id}/move")
    @ReturnsTo("/sessions/{id}")
    String move(@PathVariable Long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startsAt,
            @RequestParam(defaultValue = "false") boolean andLater,
            @RequestParam(defaultValue = "false") boolean confirmed, HttpServletRequest request,
            RedirectAttributes redirect) {
        if (startsAt == null) {
            redirect.addFlashAttribute("problem", "session.move.startsAt.required");
            return "redirect:/sessions/" + id;
        }
        if (andLater && !confirmed) {
            // moving every later session too is asked first, on the session's page, saying how many it moves
            redirect.addFlashAttribute("confirmMove", true);
            Typed.keep(request, redirect);
            return "redirect:/sessions/" + id + "#confirm-move";
        }
        sessions.move(id, startsAt, andLater);
        redirect.addFlashAttribute("message", "session.moved");
        return "redirect:/sessions/" + id;
    }

    /** Cancels only when confirmed: the first press of a cancel button asks "really?" on the session's page. */
    @PostMapping("/sessions/{id}/cancel")
    @ReturnsTo("/sessions/{id}")
    String cancel(@PathVariable Long id, @RequestParam(defaultValue = "false") boolean byClinic,
            @RequestParam(defaultValue = "false") boolean confirmed, RedirectAttributes redirect) {
        if (!confirmed) {
            return "redirect:/sessions/" + id + "?cancel=" + (byClinic ? "clinic" : "patient");
        }
        sessions.cancel(id, byClinic);
        redirect.addFlashAttribute("message", "session.cancelled");
        return "redirect:/sessions/" + id;
    }

    /** A replacement for a cancelled session, booked from its page and checked like any booking; opens the new one. */
    @PostMapping("/sessions/{id}/replacement")
    @ReturnsTo("/sessions/{id}")
    String replace(@PathVariable Long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startsAt,
            Locale locale, RedirectAttributes redirect) {
        if (startsAt == null) {
            redirect.addFlashAttribute("problem", "session.move.startsAt.required");
            return "redirect:/sessions/" + id;
        }
        Course course = sessions.fillGap(courses.courseOfSession(id, locale).id(), startsAt);
        redirect.addFlashAttribute("message", "session.replaced");
        Instant at = clock.toInstant(startsAt);
        return "redirect:/sessions/" + course.getSessions().stream()
                .filter(s -> s.getStatus() == SessionStatus.BOOKED && s.getStartsAt().equals(at))
                .findFirst().orElseThrow().getId();
    }

    @PostMapping("/sessions/{id}/check-in")
    @ReturnsTo(value = "/sessions/{id}", refused = "session.checkIn.refused")
    String checkIn(@PathVariable Long id, RedirectAttributes redirect) {
        sessions.checkIn(id);
        redirect.addFlashAttribute("message", "session.checkedIn");
        return "redirect:/sessions/" + id;
    }

    @PostMapping("/sessions/{id}/attendance")
    @ReturnsTo(value = "/sessions/{id}", refused = "session.checkIn.refused")
    String attendance(@PathVariable Long id, @RequestParam SessionStatus outcome, RedirectAttributes redirect) {
        sessions.recordAttendance(id, outcome);
        redirect.addFlashAttribute("message", "session.recorded." + outcome);
        return "redirect:/sessions/" + id;
    }

    private java.util.Optional<Long> ownPractitioner() {
        return Staff.currentIsClinician()
                ? users.findByUsername(Staff.currentName()).map(u -> u.getPractitionerId())
                : java.util.Optional.empty();
    }
}
