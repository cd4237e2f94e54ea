package com.coursebook.scheduling;

import java.time.LocalDate;
import java.time.ZoneId;

import com.coursebook.support.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The admin's clinic set-up through the JSON API on the whole application: locations, practitioners, their week and
 * leave, closures, rooms and room types, and the catalog's new entries. Bad input is 400 naming the field, and
 * nothing is stored. Everything a test makes carries "Testville"/TEST_ and is removed afterwards (shared database).
 */
@IntegrationTest
class ClinicAdministrationApiTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Moscow"));

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    long lastAuditId;

    @BeforeEach
    void rememberAuditPosition() {
        lastAuditId = jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_event").query(Long.class).single();
    }

    @AfterEach
    void removeWhatTestsMade() {
        jdbc.sql("DELETE FROM clinic_closure WHERE reason LIKE 'Testville%'").update();
        jdbc.sql("DELETE FROM practitioner WHERE family_name LIKE 'Testville%'").update();
        jdbc.sql("DELETE FROM room WHERE location_id IN (SELECT id FROM location WHERE name LIKE 'Testville%')").update();
        jdbc.sql("DELETE FROM clinic_closure WHERE location_id IN (SELECT id FROM location WHERE name LIKE 'Testville%')")
                .update();
        jdbc.sql("DELETE FROM location WHERE name LIKE 'Testville%'").update();
        jdbc.sql("DELETE FROM treatment_program WHERE code LIKE 'TEST\\_%'").update();
        jdbc.sql("DELETE FROM contraindication WHERE code LIKE 'TEST\\_%'").update();
        jdbc.sql("DELETE FROM room_type WHERE code LIKE 'TEST\\_%'").update();
    }

    // ---------------------------------------------------------------- locations

    @Test
    @DisplayName("an admin adds a location with its own time zone and opening days, then edits it; both audited "
            + "with old and new values")
    void locationAddedAndEdited() throws Exception {
        String created = send(post("/api/admin/locations"), """
                {"name":"Testville clinic","address":"1 Main St","phone":"+7 000","timeZone":"Asia/Yekaterinburg",
                 "openingDays":["MONDAY","WEDNESDAY","FRIDAY"]}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.timeZone").value("Asia/Yekaterinburg"))
                .andExpect(jsonPath("$.zone").value("Asia/Yekaterinburg"))
                .andExpect(jsonPath("$.openingDays.length()").value(3))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        assertThat(jdbc.sql("SELECT opening_days FROM location WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("135");

        send(put("/api/admin/locations/" + id), """
                {"name":"Testville clinic","address":"2 Main St","phone":"+7 000","timeZone":"",
                 "openingDays":["MONDAY","WEDNESDAY","FRIDAY"],"version":0}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.timeZone").doesNotExist())
                .andExpect(jsonPath("$.zone").value("Europe/Moscow"));
        mvc.perform(get("/api/admin/locations").with(httpBasic("admin", "demo")))
                .andExpect(jsonPath("$[*].name", hasItem("Testville clinic")));

        assertThat(audit("LOCATION")).containsExactly(
                "CREATE name: null → \"Testville clinic\"; address: null → \"1 Main St\"; phone: null → \"+7 000\"; "
                        + "timeZone: null → \"Asia/Yekaterinburg\"; openingDays: null → \"135\"",
                "UPDATE address: \"1 Main St\" → \"2 Main St\"; timeZone: \"Asia/Yekaterinburg\" → null");
    }

    @Test
    @DisplayName("an unknown time zone, an empty name, no opening day: 400 naming the field, no location stored")
    void badLocations() throws Exception {
        long before = count("location");
        send(post("/api/admin/locations"), """
                {"name":"Testville East","timeZone":"Mars/Olympus","openingDays":["MONDAY"]}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("timeZone"))
                .andExpect(jsonPath("$.errors[0].message").value(
                        "“Mars/Olympus” is not a time zone. Enter one such as Europe/Moscow, or leave it empty."));
        send(post("/api/admin/locations"), """
                {"name":"  ","openingDays":["MONDAY"]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message").value("Enter the name of the location."));
        send(post("/api/admin/locations"), """
                {"name":"Testville West","openingDays":[]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("openingDays"));
        send(post("/api/admin/locations"), """
                {"name":"Testville West","openingDays":["FUNDAY"]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("openingDays.0"));
        assertThat(count("location")).isEqualTo(before);
        assertThat(audit("LOCATION")).isEmpty();
    }

    @Test
    @DisplayName("a location closed on a weekday offers no free slot that day")
    void openingDaysAreDaysOff() throws Exception {
        long location = location("Testville North", "[\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\"]");
        long practitioner = practitioner("UROLOGY", location, "[]");
        LocalDate monday = TODAY.plusWeeks(3).with(java.time.DayOfWeek.MONDAY);
        for (String day : new String[] { "MONDAY", "TUESDAY" }) {
            send(post("/api/admin/practitioners/" + practitioner + "/working-hours"),
                    "{\"day\":\"" + day + "\",\"startsAt\":\"09:00\",\"endsAt\":\"10:00\"}")
                    .andExpect(status().isCreated());
        }
        mvc.perform(get("/api/practitioners/{id}/free-slots", practitioner).with(httpBasic("reception", "demo"))
                        .param("from", monday.toString()).param("to", monday.plusDays(1).toString())
                        .param("minutes", "30"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3)) // Tuesday 09:00, 09:15, 09:30
                .andExpect(jsonPath("$[*].startsAt", org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.startsWith(monday.plusDays(1).toString()))));
    }

    // ---------------------------------------------------------------- practitioners

    @Test
    @DisplayName("an admin adds a urologist qualified for prostate and rectal massage, edits, deactivates and "
            + "reactivates them; every change audited")
    void practitionerLifecycle() throws Exception {
        long location = location("Testville South", "[\"MONDAY\"]");
        String created = send(post("/api/admin/practitioners"), """
                {"givenName":"Ivan","familyName":"Testville","specialty":"UROLOGY","locationId":%d,
                 "programs":["PROSTATE_MASSAGE","HAEMORRHOID_MASSAGE"]}""".formatted(location))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.programs.length()").value(2))
                .andExpect(jsonPath("$.location").value("Testville South"))
                .andExpect(jsonPath("$.active").value(true))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();

        send(put("/api/admin/practitioners/" + id), """
                {"givenName":"Ivan","familyName":"Testville-Petrov","specialty":"UROLOGY","locationId":%d,
                 "programs":["PROSTATE_MASSAGE"],"version":0}""".formatted(location))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.familyName").value("Testville-Petrov"))
                .andExpect(jsonPath("$.programs[0]").value("PROSTATE_MASSAGE"));
        mvc.perform(get("/api/admin/practitioners").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")].location").value("Testville South"))
                .andExpect(jsonPath("$[?(@.id == " + id + ")].version").value(1));
        send(post("/api/admin/practitioners/" + id + "/deactivate"), "")
                .andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false));
        mvc.perform(get("/api/practitioners").with(httpBasic("reception", "demo")))
                .andExpect(jsonPath("$[?(@.id == " + id + ")].active").value(false));
        send(post("/api/admin/practitioners/" + id + "/activate"), "")
                .andExpect(status().isOk()).andExpect(jsonPath("$.active").value(true));

        assertThat(audit("PRACTITIONER")).hasSize(4).element(1).asString()
                .isEqualTo("UPDATE familyName: \"Testville\" → \"Testville-Petrov\"; "
                        + "programs: [HAEMORRHOID_MASSAGE, PROSTATE_MASSAGE] → [PROSTATE_MASSAGE]");
        assertThat(audit("PRACTITIONER").get(2)).isEqualTo("UPDATE active: true → false");
    }

    @Test
    @DisplayName("a urologist qualified for gynecological massage, an empty name, an unknown location, a stale "
            + "version: refused naming the field, nothing stored")
    void badPractitioners() throws Exception {
        long before = count("practitioner");
        send(post("/api/admin/practitioners"), """
                {"givenName":"Ivan","familyName":"Testville","specialty":"UROLOGY",
                 "programs":["PROSTATE_MASSAGE","GYNECOLOGICAL_MASSAGE"]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("programs"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith(
                        "A practitioner may be qualified only for programs of their own specialty")));
        send(post("/api/admin/practitioners"), """
                {"givenName":"Ivan","familyName":" ","specialty":"UROLOGY","programs":[]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("familyName"))
                .andExpect(jsonPath("$.errors[0].message").value("Enter the name."));
        send(post("/api/admin/practitioners"), """
                {"givenName":"Ivan","familyName":"Testville","specialty":"UROLOGY","locationId":-5,"programs":[]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("locationId"));
        assertThat(count("practitioner")).isEqualTo(before);

        long id = practitioner("GYNECOLOGY", null, "[\"GYNECOLOGICAL_MASSAGE\"]");
        send(put("/api/admin/practitioners/" + id), """
                {"givenName":"Anna","familyName":"Testville","specialty":"GYNECOLOGY","programs":[],"version":9}""")
                .andExpect(status().isConflict());
        send(put("/api/admin/practitioners/" + id), """
                {"givenName":"Anna","familyName":"Testville","specialty":"GYNECOLOGY","programs":["PROSTATE_MASSAGE"],
                 "version":0}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("programs"));
        assertThat(jdbc.sql("SELECT count(*) FROM practitioner_program WHERE practitioner_id = ?").param(id)
                .query(Long.class).single()).isOne();
    }

    @Test
    @DisplayName("working hours, breaks, leave and closures through the API; overlapping hours are 400 at startsAt "
            + "and not stored")
    void weekLeaveAndClosures() throws Exception {
        long id = practitioner("UROLOGY", null, "[]");
        String base = "/api/admin/practitioners/" + id;
        String hours = send(post(base + "/working-hours"), "{\"day\":\"MONDAY\",\"startsAt\":\"09:00\",\"endsAt\":\"17:00\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.day").value("MONDAY"))
                .andReturn().getResponse().getContentAsString();
        send(post(base + "/working-hours"), "{\"day\":\"MONDAY\",\"startsAt\":\"16:00\",\"endsAt\":\"19:00\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("startsAt"));
        send(post(base + "/working-hours"), "{\"day\":\"MONDAY\",\"startsAt\":\"19:00\",\"endsAt\":\"18:00\"}")
                .andExpect(status().isBadRequest());
        // A time of day with an offset has no date to convert it on: refused, never read as if the offset were not there.
        send(post(base + "/working-hours"), "{\"day\":\"TUESDAY\",\"startsAt\":\"09:00Z\",\"endsAt\":\"17:00\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("startsAt"));
        assertThat(jdbc.sql("SELECT count(*) FROM working_hours WHERE practitioner_id = ?").param(id)
                .query(Long.class).single()).isOne();
        send(post(base + "/breaks"), "{\"day\":\"MONDAY\",\"startsAt\":\"13:00\",\"endsAt\":\"14:00\"}")
                .andExpect(status().isCreated());
        mvc.perform(get(base + "/breaks").with(httpBasic("admin", "demo")))
                .andExpect(jsonPath("$[0].startsAt").value("13:00:00"));
        LocalDate leaveDay = TODAY.plusYears(3);
        String leave = send(post(base + "/leave"), "{\"startsOn\":\"" + leaveDay + "\",\"endsOn\":\"" + leaveDay.plusDays(2)
                + "\",\"reason\":\"Testville leave\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        send(delete(base + "/leave/" + JsonPath.read(leave, "$.id")), "").andExpect(status().isNoContent());
        send(delete(base + "/working-hours/" + JsonPath.read(hours, "$.id")), "").andExpect(status().isNoContent());
        mvc.perform(get(base + "/working-hours").with(httpBasic("admin", "demo")))
                .andExpect(jsonPath("$.length()").value(0));

        String closure = send(post("/api/admin/closures"), "{\"closedOn\":\"" + leaveDay + "\",\"reason\":\"Testville day\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.locationId").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        send(post("/api/admin/closures"), "{\"closedOn\":\"" + leaveDay + "\",\"reason\":\"Testville again\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("closedOn"));
        send(delete("/api/admin/closures/" + JsonPath.read(closure, "$.id")), "").andExpect(status().isNoContent());
    }

    @Test
    @DisplayName("only an admin may use the admin API: 403 for reception and clinicians, nothing stored")
    void adminsOnly() throws Exception {
        long before = count("location");
        for (String user : new String[] { "reception", "urologist" }) {
            mvc.perform(post("/api/admin/locations").with(httpBasic(user, "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"name\":\"Testville Z\",\"openingDays\":[\"MONDAY\"]}"))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/api/admin/practitioners").with(httpBasic(user, "demo")))
                    .andExpect(status().isForbidden());
        }
        assertThat(count("location")).isEqualTo(before);
    }

    // ---------------------------------------------------------------- rooms and room types

    @Test
    @DisplayName("room types: added, renamed and retired (audited); a room of a retired or unknown type is refused")
    void roomTypesAndRooms() throws Exception {
        send(post("/api/catalog/room-types"), "{\"code\":\"TEST_PHYSIO\",\"nameEn\":\"Physio\",\"nameRu\":\"Физио\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.active").value(true));
        send(post("/api/catalog/room-types"), "{\"code\":\"TEST_PHYSIO\",\"nameEn\":\"Again\",\"nameRu\":\"Ещё\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("code"));
        send(post("/api/catalog/room-types"), "{\"code\":\"test physio\",\"nameEn\":\"X\",\"nameRu\":\"Х\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("code"));
        send(put("/api/catalog/room-types/TEST_PHYSIO"), "{\"nameEn\":\"Physiotherapy\",\"nameRu\":\"Физиотерапия\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.nameEn").value("Physiotherapy"));
        send(put("/api/catalog/room-types/TEST_PHYSIO"), "{\"nameEn\":\"\",\"nameRu\":\"Физиотерапия\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("nameEn"));

        long location = location("Testville Rooms", "[\"MONDAY\"]");
        send(post("/api/admin/rooms"), "{\"locationId\":" + location + ",\"name\":\"Gym\",\"roomType\":\"TEST_PHYSIO\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.roomType").value("TEST_PHYSIO"));
        send(post("/api/catalog/room-types/TEST_PHYSIO/retire"), "")
                .andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false));
        send(post("/api/admin/rooms"), "{\"locationId\":" + location + ",\"name\":\"Gym 2\",\"roomType\":\"TEST_PHYSIO\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("roomType"));
        send(post("/api/admin/rooms"), "{\"locationId\":" + location + ",\"name\":\"Gym 3\",\"roomType\":\"SAUNA\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("roomType"));
        assertThat(jdbc.sql("SELECT count(*) FROM room WHERE location_id = ?").param(location).query(Long.class)
                .single()).isOne();
        mvc.perform(get("/api/admin/rooms").with(httpBasic("admin", "demo")))
                .andExpect(jsonPath("$[*].name", hasItem("Gym")));
        assertThat(audit("ROOM_TYPE")).containsExactly(
                "CREATE TEST_PHYSIO: nameEn: null → \"Physio\"; nameRu: null → \"Физио\"; active: null → true",
                "UPDATE nameEn: \"Physio\" → \"Physiotherapy\"; nameRu: \"Физио\" → \"Физиотерапия\"",
                "UPDATE active: true → false");
    }

    // ---------------------------------------------------------------- the catalog's new entries

    @Test
    @DisplayName("an admin adds a treatment program and retires it; a minimum above the maximum, an unknown room type "
            + "or a taken code are 400 naming the field, and nothing is stored")
    void programAddedAndRetired() throws Exception {
        long before = count("treatment_program");
        send(post("/api/catalog/programs"), program("TEST_FOOT", 12, 10))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("minSessions"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("The minimum number of sessions must not exceed the maximum."));
        send(post("/api/catalog/programs"), program("TEST_FOOT", 5, 10).replace("\"UROLOGY\"", "\"SAUNA\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("roomType"));
        send(post("/api/catalog/programs"), program("TEST_FOOT", 5, 10).replace("\"nameEn\":\"Foot massage\"", "\"nameEn\":\"\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("nameEn"));
        assertThat(count("treatment_program")).isEqualTo(before);

        send(post("/api/catalog/programs"), program("TEST_FOOT", 5, 10))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value("TEST_FOOT"))
                .andExpect(jsonPath("$.firstSessionMinutes").value(10))
                .andExpect(jsonPath("$.roomType").value("UROLOGY"))
                .andExpect(jsonPath("$.reviewPainThreshold").value(7));
        send(post("/api/catalog/programs"), program("TEST_FOOT", 5, 10))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        mvc.perform(get("/api/catalog/programs").with(httpBasic("reception", "demo")))
                .andExpect(jsonPath("$[*].code", hasItem("TEST_FOOT")));
        send(post("/api/catalog/programs/TEST_FOOT/retire"), "")
                .andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false));
        assertThat(audit("TREATMENT_PROGRAM")).hasSize(2).last().asString().isEqualTo("UPDATE active: true → false");
    }

    @Test
    @DisplayName("an admin adds a contraindication with a window after an event; a window of 0 days or a window on "
            + "an episodic one is 400 at windowDays, nothing stored; retiring it takes it out of use")
    void contraindicationAdded() throws Exception {
        long before = count("contraindication");
        String body = """
                {"code":"TEST_SURGERY","nameEn":"Test surgery","nameRu":"Тестовая операция","severity":"ABSOLUTE",
                 "temporality":"WINDOW_AFTER_EVENT","windowDays":%s,"active":true,"programs":["PROSTATE_MASSAGE"]}""";
        send(post("/api/catalog/contraindications"), body.formatted("0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("windowDays"))
                .andExpect(jsonPath("$.errors[0].message").value("Enter a number of days of at least 1."));
        send(post("/api/catalog/contraindications"), body.formatted("10").replace("WINDOW_AFTER_EVENT", "EPISODIC"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("windowDays"));
        assertThat(count("contraindication")).isEqualTo(before);

        send(post("/api/catalog/contraindications"), body.formatted("14"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.temporality").value("WINDOW_AFTER_EVENT"))
                .andExpect(jsonPath("$.windowDays").value(14));
        send(post("/api/catalog/contraindications/TEST_SURGERY/retire"), "")
                .andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false));
        assertThat(audit("CONTRAINDICATION")).hasSize(2);
    }

    // ---------------------------------------------------------------- helpers

    private static String program(String code, int min, int max) {
        return """
                {"code":"%s","specialty":"PROCTOLOGY","nameEn":"Foot massage","nameRu":"Массаж стоп",
                 "eligibleSex":"ANY","defaultSessions":%d,"minSessions":%d,"maxSessions":%d,"cadenceDays":2,
                 "minGapDays":1,"maxPerWeek":3,"slotMinutes":30,"firstSessionMinutes":10,"maxSessionMinutes":20,
                 "sessionMinutesStep":2,"requiresExamination":false,"examinationValidDays":30,
                 "examinationBlocksBooking":false,"active":true,"roomType":"UROLOGY",
                 "preparationEn":"Wash your feet.","preparationRu":"Вымойте ноги.",
                 "aftercareEn":"Rest.","aftercareRu":"Отдохните."}""".formatted(code, Math.max(min, Math.min(max, 8)),
                min, max);
    }

    private long location(String name, String days) throws Exception {
        String created = send(post("/api/admin/locations"), "{\"name\":\"" + name + "\",\"openingDays\":" + days + "}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(created, "$.id")).longValue();
    }

    private long practitioner(String specialty, Long location, String programs) throws Exception {
        String created = send(post("/api/admin/practitioners"), "{\"givenName\":\"Test\",\"familyName\":\"Testville\","
                + "\"specialty\":\"" + specialty + "\",\"locationId\":" + location + ",\"programs\":" + programs + "}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(created, "$.id")).longValue();
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String body) throws Exception {
        return mvc.perform(request.with(httpBasic("admin", "demo")).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    /** This test's audit lines of one kind, as "ACTION details", in order. */
    private java.util.List<String> audit(String entityType) {
        return jdbc.sql("SELECT action || ' ' || details FROM audit_event WHERE id > ? AND entity_type = ? ORDER BY id")
                .params(lastAuditId, entityType).query(String.class).list();
    }
}
