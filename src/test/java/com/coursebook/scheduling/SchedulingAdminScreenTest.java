package com.coursebook.scheduling;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.coursebook.shared.ClinicClock;
import com.coursebook.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The admin's scheduling screens on the whole application. Each test works on a location and practitioner
 * of its own and on dates no other test uses, and removes them afterwards (the database is shared).
 */
@IntegrationTest
class SchedulingAdminScreenTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ClinicClock clock;

    ScheduleFixture fixture;

    long location;

    long practitioner;

    String page;

    LocalDate day;

    long lastAuditId;

    @BeforeEach
    void setUp() {
        fixture = new ScheduleFixture(jdbc, clock);
        location = fixture.location();
        practitioner = fixture.practitioner(location);
        page = "/admin/scheduling/practitioners/" + practitioner;
        day = fixture.farMonday();
        lastAuditId = jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_event").query(Long.class).single();
    }

    @AfterEach
    void cleanUp() {
        // Closures of every location made through the screens, on this test's far-off days.
        jdbc.sql("DELETE FROM clinic_closure WHERE location_id IS NULL AND closed_on BETWEEN ? AND ?")
                .params(day, day.plusDays(6)).update();
        fixture.removeAll();
    }

    @Test
    @DisplayName("an admin sees Scheduling in the menu, and the index links every practitioner, closures and rooms; "
            + "a receptionist sees no such link")
    void indexAndNavigation() throws Exception {
        mvc.perform(get("/admin/scheduling").with(admin()))
                .andExpect(status().isOk())
                .andExpect(view().name("scheduling/index"))
                .andExpect(content().string(containsString("href=\"/admin/scheduling\"")))
                .andExpect(content().string(containsString("href=\"" + page + "\"")))
                .andExpect(content().string(containsString("href=\"/admin/scheduling/closures\"")))
                .andExpect(content().string(containsString("href=\"/admin/scheduling/rooms\"")))
                .andExpect(content().string(containsString("Urvantsev")))
                .andExpect(content().string(not(containsString("style="))));
        mvc.perform(get("/catalog").with(reception()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/admin/scheduling"))));
    }

    @Test
    @DisplayName("the practitioner page lists hours and breaks by weekday, with a label at every field, "
            + "in English and Russian")
    void practitionerPage() throws Exception {
        fixture.hours(practitioner, DayOfWeek.MONDAY, "08:00", "20:00");
        fixture.workingBreak(practitioner, DayOfWeek.MONDAY, "13:00", "14:00");

        mvc.perform(get(page).with(admin()))
                .andExpect(status().isOk())
                .andExpect(view().name("scheduling/practitioner"))
                .andExpect(content().string(containsString("<td>Monday</td>")))
                .andExpect(content().string(containsString("<td>13:00</td>")))
                .andExpect(content().string(containsString("<label for=\"hours-startsAt\" class=\"form-label small\">From</label>")))
                .andExpect(content().string(containsString("id=\"hours-startsAt\"")))
                .andExpect(content().string(containsString("<label for=\"break-day\" class=\"form-label small\">Day</label>")))
                .andExpect(content().string(containsString("<label for=\"startsOn\" class=\"form-label small\">First day</label>")))
                .andExpect(content().string(containsString("id=\"startsOn\"")))
                .andExpect(content().string(not(containsString("style="))));
        mvc.perform(get(page).param("lang", "ru").with(admin()))
                .andExpect(content().string(containsString("Рабочие часы по дням недели")))
                .andExpect(content().string(containsString("<td>Понедельник</td>")));
    }

    @Test
    @DisplayName("working hours that end before they start are shown again with the message at the field; nothing saved")
    void hoursEndBeforeStart() throws Exception {
        mvc.perform(post(page + "/hours").with(admin()).with(csrf())
                        .param("day", "TUESDAY").param("startsAt", "18:00").param("endsAt", "09:00"))
                .andExpect(status().isOk())
                .andExpect(view().name("scheduling/practitioner"))
                .andExpect(model().attributeHasFieldErrors("hoursForm", "endsAfterStart"))
                .andExpect(content().string(containsString("The end must be later than the start.")))
                .andExpect(content().string(containsString("value=\"18:00\"")));
        assertThat(count("working_hours")).isZero();
        assertThat(audit()).isEmpty();
    }

    @Test
    @DisplayName("valid working hours are saved and audited, then the page is shown again with a message; "
            + "hours overlapping them are refused; removing them is audited too")
    void hoursAddedAndRemoved() throws Exception {
        mvc.perform(post(page + "/hours").with(admin()).with(csrf())
                        .param("day", "TUESDAY").param("startsAt", "09:00").param("endsAt", "17:00"))
                .andExpect(redirectedUrl(page))
                .andExpect(flash().attribute("message", "scheduling.hours.added"));
        long id = jdbc.sql("SELECT id FROM working_hours WHERE practitioner_id = ?").param(practitioner)
                .query(Long.class).single();

        mvc.perform(post(page + "/hours").with(admin()).with(csrf())
                        .param("day", "TUESDAY").param("startsAt", "16:00").param("endsAt", "20:00"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("hoursForm", "startsAt"))
                .andExpect(content().string(containsString("These hours overlap working hours already recorded")));
        assertThat(count("working_hours")).isOne();

        mvc.perform(post(page + "/hours/" + id + "/remove").with(admin()).with(csrf()))
                .andExpect(redirectedUrl(page))
                .andExpect(flash().attribute("message", "scheduling.hours.removed"));
        assertThat(count("working_hours")).isZero();
        assertThat(audit()).containsExactly(
                Map.of("actor", "admin", "action", "CREATE", "entity_type", "WORKING_HOURS",
                        "details", "practitioner " + practitioner + ": TUESDAY 09:00–17:00"),
                Map.of("actor", "admin", "action", "DELETE", "entity_type", "WORKING_HOURS",
                        "details", "practitioner " + practitioner + ": TUESDAY 09:00–17:00"));
    }

    @Test
    @DisplayName("a lunch break is added and removed, each change audited")
    void breakAddedAndRemoved() throws Exception {
        mvc.perform(post(page + "/breaks").with(admin()).with(csrf())
                        .param("day", "WEDNESDAY").param("startsAt", "13:00").param("endsAt", "14:00"))
                .andExpect(redirectedUrl(page))
                .andExpect(flash().attribute("message", "scheduling.breaks.added"));
        long id = jdbc.sql("SELECT id FROM working_break WHERE practitioner_id = ?").param(practitioner)
                .query(Long.class).single();

        mvc.perform(post(page + "/breaks/" + id + "/remove").with(admin()).with(csrf()))
                .andExpect(redirectedUrl(page));

        assertThat(count("working_break")).isZero();
        assertThat(audit()).extracting(row -> row.get("action") + " " + row.get("entity_type"))
                .containsExactly("CREATE WORKING_BREAK", "DELETE WORKING_BREAK");
    }

    @Test
    @DisplayName("leave whose last day is before its first is refused at the field; valid leave is listed, "
            + "and leave overlapping it is refused")
    void leave() throws Exception {
        mvc.perform(post(page + "/absences").with(admin()).with(csrf())
                        .param("startsOn", day.plusDays(4).toString()).param("endsOn", day.toString()))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("absenceForm", "endsOnOrAfterStart"))
                .andExpect(content().string(containsString("The last day must not be before the first day.")));
        assertThat(count("practitioner_absence")).isZero();

        mvc.perform(post(page + "/absences").with(admin()).with(csrf())
                        .param("startsOn", day.toString()).param("endsOn", day.plusDays(4).toString())
                        .param("reason", "  Annual leave "))
                .andExpect(redirectedUrl(page))
                .andExpect(flash().attribute("message", "scheduling.absences.added"));
        mvc.perform(get(page).with(admin()))
                .andExpect(content().string(containsString("<td>Annual leave</td>")));
        mvc.perform(post(page + "/absences").with(admin()).with(csrf())
                        .param("startsOn", day.plusDays(4).toString()).param("endsOn", day.plusDays(6).toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This leave overlaps leave already recorded.")));

        assertThat(count("practitioner_absence")).isOne();
        assertThat(audit()).extracting(row -> row.get("details")).containsExactly(
                "practitioner " + practitioner + ": " + day + ".." + day.plusDays(4) + " (Annual leave)");
    }

    @Test
    @DisplayName("a closure without a reason is refused at the field; a closure of every location is listed, "
            + "cannot be recorded twice, and is removed; each change audited")
    void closures() throws Exception {
        mvc.perform(post("/admin/scheduling/closures").with(admin()).with(csrf())
                        .param("closedOn", day.toString()).param("locationId", "").param("reason", " "))
                .andExpect(status().isOk())
                .andExpect(view().name("scheduling/closures"))
                .andExpect(model().attributeHasFieldErrors("closureForm", "reason"))
                .andExpect(content().string(containsString("Enter the reason.")));

        closure(day, "", "Clinic day off")
                .andExpect(redirectedUrl("/admin/scheduling/closures"))
                .andExpect(flash().attribute("message", "scheduling.closure.added"));
        closure(day, String.valueOf(location), "Repairs")
                .andExpect(redirectedUrl("/admin/scheduling/closures"));
        closure(day, "", "Again")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("That day is already closed for this location.")));
        mvc.perform(get("/admin/scheduling/closures").with(admin()))
                .andExpect(content().string(containsString("Clinic day off")))
                .andExpect(content().string(containsString("<option value=\"\">All locations</option>")))
                .andExpect(content().string(not(containsString("style="))));

        long id = jdbc.sql("SELECT id FROM clinic_closure WHERE location_id IS NULL AND closed_on = ?").param(day)
                .query(Long.class).single();
        mvc.perform(post("/admin/scheduling/closures/" + id + "/remove").with(admin()).with(csrf()))
                .andExpect(redirectedUrl("/admin/scheduling/closures"))
                .andExpect(flash().attribute("message", "scheduling.closure.removed"));
        assertThat(jdbc.sql("SELECT count(*) FROM clinic_closure WHERE closed_on = ?").param(day).query(Long.class)
                .single()).isOne(); // the one location's closure stays
        assertThat(audit()).extracting(row -> row.get("action") + " " + row.get("details")).containsExactly(
                "CREATE " + day + " all locations: Clinic day off",
                "CREATE " + day + " " + locationName() + ": Repairs",
                "DELETE " + day + " all locations: Clinic day off");
    }

    @Test
    @DisplayName("a room without a name is refused at the field; a room is added with a type, "
            + "taken out of use and put back, each change audited")
    void rooms() throws Exception {
        mvc.perform(post("/admin/scheduling/rooms").with(admin()).with(csrf())
                        .param("locationId", String.valueOf(location)).param("name", "").param("roomType", "UROLOGY"))
                .andExpect(status().isOk())
                .andExpect(view().name("scheduling/rooms"))
                .andExpect(model().attributeHasFieldErrors("roomForm", "name"))
                .andExpect(content().string(containsString("Enter the room name.")));
        mvc.perform(post("/admin/scheduling/rooms").with(admin()).with(csrf())
                        .param("locationId", String.valueOf(location)).param("name", "Room 9").param("roomType", "SAUNA"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("roomForm", "roomType"));

        mvc.perform(post("/admin/scheduling/rooms").with(admin()).with(csrf())
                        .param("locationId", String.valueOf(location)).param("name", "Room 9").param("roomType", "GYNECOLOGY"))
                .andExpect(redirectedUrl("/admin/scheduling/rooms"))
                .andExpect(flash().attribute("message", "scheduling.room.added"));
        long room = jdbc.sql("SELECT id FROM room WHERE location_id = ?").param(location).query(Long.class).single();
        mvc.perform(get("/admin/scheduling/rooms").with(admin()))
                .andExpect(content().string(containsString("Room 9")))
                .andExpect(content().string(containsString("id=\"deactivate-" + room + "\"")))
                .andExpect(content().string(containsString("Room 1 (urology)"))) // the demo clinic's rooms too
                .andExpect(content().string(not(containsString("style="))));

        mvc.perform(post("/admin/scheduling/rooms/" + room + "/deactivate").with(admin()).with(csrf()))
                .andExpect(redirectedUrl("/admin/scheduling/rooms"))
                .andExpect(flash().attribute("message", "scheduling.room.deactivated"));
        assertThat(active(room)).isFalse();
        mvc.perform(post("/admin/scheduling/rooms/" + room + "/activate").with(admin()).with(csrf()))
                .andExpect(redirectedUrl("/admin/scheduling/rooms"));
        assertThat(active(room)).isTrue();

        assertThat(audit()).extracting(row -> row.get("action") + " " + row.get("details")).containsExactly(
                "CREATE " + locationName() + " / Room 9 (GYNECOLOGY)",
                "UPDATE active: true → false",
                "UPDATE active: false → true");
    }

    @Test
    @DisplayName("a receptionist can neither open nor post the scheduling screens, and nothing changes")
    void receptionForbidden() throws Exception {
        mvc.perform(get("/admin/scheduling").with(reception())).andExpect(status().isForbidden());
        mvc.perform(get(page).with(reception())).andExpect(status().isForbidden());
        mvc.perform(post(page + "/hours").with(reception()).with(csrf())
                        .param("day", "MONDAY").param("startsAt", "09:00").param("endsAt", "10:00"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/scheduling/closures").with(reception()).with(csrf())
                        .param("closedOn", day.toString()).param("reason", "Holiday"))
                .andExpect(status().isForbidden());

        assertThat(count("working_hours")).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM clinic_closure WHERE closed_on = ?").param(day).query(Long.class)
                .single()).isZero();
        assertThat(audit()).isEmpty();
    }

    @Test
    @DisplayName("an unknown practitioner, or an entry of another practitioner, is a 404 page")
    void unknownEntries() throws Exception {
        long other = fixture.practitioner(location);
        fixture.hours(other, DayOfWeek.MONDAY, "09:00", "10:00");
        long othersHours = jdbc.sql("SELECT id FROM working_hours WHERE practitioner_id = ?").param(other)
                .query(Long.class).single();

        mvc.perform(get("/admin/scheduling/practitioners/" + Long.MAX_VALUE).with(admin()))
                .andExpect(status().isNotFound());
        mvc.perform(post(page + "/hours/" + othersHours + "/remove").with(admin()).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT count(*) FROM working_hours WHERE id = ?").param(othersHours).query(Long.class)
                .single()).isOne();
    }

    private ResultActions closure(LocalDate on, String locationId, String reason)
            throws Exception {
        MockHttpServletRequestBuilder request = post("/admin/scheduling/closures").with(admin()).with(csrf())
                .param("closedOn", on.toString()).param("locationId", locationId).param("reason", reason);
        return mvc.perform(request);
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE practitioner_id = ?").param(practitioner)
                .query(Long.class).single();
    }

    private boolean active(long room) {
        return jdbc.sql("SELECT active FROM room WHERE id = ?").param(room).query(Boolean.class).single();
    }

    private String locationName() {
        return jdbc.sql("SELECT name FROM location WHERE id = ?").param(location).query(String.class).single();
    }

    private List<Map<String, Object>> audit() {
        return jdbc.sql("SELECT actor, action, entity_type, details FROM audit_event WHERE id > ? "
                        + "AND entity_type IN ('WORKING_HOURS', 'WORKING_BREAK', 'PRACTITIONER_ABSENCE', "
                        + "'CLINIC_CLOSURE', 'ROOM') ORDER BY id")
                .param(lastAuditId).query().listOfRows();
    }

    private static RequestPostProcessor admin() {
        return SecurityMockMvcRequestPostProcessors.user("admin").roles("ADMIN");
    }

    private static RequestPostProcessor reception() {
        return SecurityMockMvcRequestPostProcessors.user("reception").roles("RECEPTIONIST");
    }
}
