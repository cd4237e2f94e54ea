package com.coursebook.course;

import java.time.LocalDate;
import java.time.ZoneId;

import com.coursebook.support.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The rule engine through the API, against the real database: block, warn and override, re-check. */
@IntegrationTest
class CourseRulesApiTest {

    /** The clinic zone of the test profile: "today" as the clinic sees it. */
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Moscow"));

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("acute prostatitis from today for 10 days blocks a course starting tomorrow, names rule and dates, "
            + "and gives an earliest start after the end")
    void acuteProstatitisBlocks() throws Exception {
        long patient = patient("Blokov", "MALE", null);
        recordCondition(patient, "ACUTE_PROSTATITIS", TODAY, TODAY.plusDays(10)).andExpect(status().isCreated());
        String request = course(patient, "PROSTATE_MASSAGE", urologist(), 10, TODAY.plusDays(1), "08:00");

        String checked = mvc.perform(post("/api/courses/check").with(httpBasic("reception", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(request))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.bookable").value(false))
                .andExpect(jsonPath("$.sessions", hasSize(10)))
                .andExpect(jsonPath("$.sessions[0].state").value("BLOCKED"))
                .andExpect(jsonPath("$.sessions[9].state").value("OK"))
                .andExpect(jsonPath("$.findings[?(@.severity == 'BLOCK')].rule", everyItem(is("CONTRAINDICATION"))))
                .andExpect(jsonPath("$.findings[?(@.severity == 'BLOCK')].clearsOn",
                        everyItem(is(TODAY.plusDays(11).toString()))))
                // a receptionist sees what to tell the patient, never the diagnosis
                .andExpect(jsonPath("$.findings[*].detail", everyItem(nullValue())))
                .andExpect(jsonPath("$.findings[*].condition", everyItem(nullValue())))
                .andReturn().getResponse().getContentAsString();
        String firstDay = JsonPath.<String>read(checked, "$.sessions[0].startsAt").substring(0, 10);
        assertThat(JsonPath.<java.util.List<String>>read(checked, "$.findings[*].message"))
                .contains("Session 1 (" + firstDay + ") cannot take place before " + TODAY.plusDays(11)
                        + " — ask the doctor.");
        // the whole course fits from the day the condition ends (or the next working day)
        LocalDate earliest = LocalDate.parse(JsonPath.read(checked, "$.earliestStart"));
        assertThat(earliest).isAfter(TODAY.plusDays(10)).isBefore(TODAY.plusDays(13));

        mvc.perform(post("/api/courses/check").with(httpBasic("urologist", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(request))
                .andExpect(jsonPath("$.findings[?(@.rule == 'CONTRAINDICATION')].condition",
                        everyItem(is("ACUTE_PROSTATITIS"))))
                .andExpect(jsonPath("$.findings[?(@.rule == 'CONTRAINDICATION')].detail", hasItem(
                        "Acute prostatitis: recorded from " + TODAY + ", expected to end " + TODAY.plusDays(10) + ".")))
                .andExpect(jsonPath("$.findings[?(@.rule == 'EXAMINATION')].message", hasItem(
                        "No valid examination yet: the first session starts with the doctor's examination.")));

        mvc.perform(post("/api/courses").with(httpBasic("reception", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(request))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.earliestStart").value(earliest.toString()))
                .andExpect(jsonPath("$.findings[?(@.severity == 'BLOCK')].rule", everyItem(is("CONTRAINDICATION"))));
        assertThat(coursesOf(patient)).isZero();
    }

    @Test
    @DisplayName("prostate adenoma warns; only a clinician's override with a reason books the course, and it is recorded")
    void adenomaWarnsAndClinicianOverrides() throws Exception {
        long patient = patient("Adenomov", "MALE", null);
        recordCondition(patient, "PROSTATE_ADENOMA", TODAY.minusYears(1), null).andExpect(status().isCreated());
        String plain = course(patient, "PROSTATE_MASSAGE", urologist(), 8, TODAY.plusDays(40), "09:00");
        String overridden = plain.substring(0, plain.length() - 1)
                + ",\"overrides\":[{\"key\":\"CONTRAINDICATION:PROSTATE_ADENOMA\",\"reason\":\"Mild BPH, benefit outweighs risk; reviewed ultrasound.\"}]}";

        mvc.perform(post("/api/courses/check").with(httpBasic("urologist", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(plain))
                .andExpect(jsonPath("$.findings[?(@.severity == 'BLOCK')]", empty()))
                .andExpect(jsonPath("$.findings[?(@.severity == 'WARN')].rule", hasItem("CONTRAINDICATION")))
                .andExpect(jsonPath("$.warningsToConfirm[0]").value("CONTRAINDICATION:PROSTATE_ADENOMA"))
                .andExpect(jsonPath("$.bookable").value(false));
        mvc.perform(post("/api/courses").with(httpBasic("reception", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(plain))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/api/courses").with(httpBasic("reception", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(overridden))
                .andExpect(status().isForbidden());
        assertThat(coursesOf(patient)).isZero();

        String created = mvc.perform(post("/api/courses").with(httpBasic("urologist", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(overridden))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.sessions", hasSize(8)))
                .andExpect(jsonPath("$.overrides[0].finding").value("CONTRAINDICATION:PROSTATE_ADENOMA"))
                .andExpect(jsonPath("$.overrides[0].by").value("Dr Pyotr Urvantsev"))
                .andReturn().getResponse().getContentAsString();
        long courseId = ((Number) JsonPath.read(created, "$.id")).longValue();

        mvc.perform(get("/api/courses/{id}", courseId).with(httpBasic("reception", "demo")))
                .andExpect(jsonPath("$.overrides[0].by").value("Dr Pyotr Urvantsev"))
                .andExpect(jsonPath("$.overrides[0].reason").value(nullValue()));
        assertThat(jdbc.sql("SELECT reason FROM rule_override WHERE course_id = ?").param(courseId)
                .query(String.class).single()).startsWith("Mild BPH");
    }

    @Test
    @DisplayName("six weeks after childbirth, a daily gynecological course is blocked for its first two weeks only")
    void childbirthWindow() throws Exception {
        LocalDate start = monday(TODAY.plusDays(1));
        long patient = patient("Rodova", "FEMALE", null);
        recordConditionAs("gynecologist", patient, "CHILDBIRTH_OR_SURGERY", start.minusWeeks(6), null)
                .andExpect(status().isCreated());
        mvc.perform(post("/api/courses/check").with(httpBasic("gynecologist", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(course(patient, "GYNECOLOGICAL_MASSAGE", gynecologist(), 20, start, "08:00")))
                .andExpect(status().isOk())
                // two weeks Monday to Sunday, Sundays off: 12 sessions inside the window, all blocked
                .andExpect(jsonPath("$.findings[?(@.severity == 'BLOCK')]", hasSize(12)))
                .andExpect(jsonPath("$.findings[?(@.severity == 'BLOCK')].rule", everyItem(is("EVENT_WINDOW"))))
                .andExpect(jsonPath("$.sessions[11].state").value("BLOCKED"))
                .andExpect(jsonPath("$.sessions[11].startsAt").value(start.plusDays(12) + "T08:00:00")) // Saturday
                .andExpect(jsonPath("$.sessions[12].state").value("OK"))
                .andExpect(jsonPath("$.sessions[12].startsAt").value(start.plusDays(14) + "T08:00:00"))
                .andExpect(jsonPath("$.earliestStart").value(start.plusDays(14).toString()));
    }

    @Test
    @DisplayName("a gynecological course skips predicted menstruation days, or is blocked on them if forced")
    void menstruationSkippedOrBlocked() throws Exception {
        LocalDate start = monday(TODAY.plusDays(1));
        long patient = patient("Tsiklova", "FEMALE", start.plusDays(3).minusDays(28));
        String request = course(patient, "GYNECOLOGICAL_MASSAGE", gynecologist(), 12, start, "12:00");
        mvc.perform(post("/api/courses/check").with(httpBasic("reception", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(request))
                // the period Thursday to Monday (its Sunday is a day off anyway)
                .andExpect(jsonPath("$.skippedDates[0:5]").value(org.hamcrest.Matchers.contains(
                        start.plusDays(3).toString(), start.plusDays(4).toString(), start.plusDays(5).toString(),
                        start.plusDays(6).toString(), start.plusDays(7).toString())))
                .andExpect(jsonPath("$.sessions[3].startsAt").value(start.plusDays(8) + "T12:00:00"))
                .andExpect(jsonPath("$.findings[?(@.severity == 'BLOCK')]", empty()));
        String forced = request.substring(0, request.length() - 1) + ",\"skipPredictedMenstruation\":false}";
        mvc.perform(post("/api/courses/check").with(httpBasic("reception", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(forced))
                .andExpect(jsonPath("$.skippedDates[0]").value(start.plusDays(6).toString())) // Sunday only
                .andExpect(jsonPath("$.findings[?(@.severity == 'BLOCK')].rule", everyItem(is("MENSTRUATION"))))
                .andExpect(jsonPath("$.findings[?(@.severity == 'BLOCK')].session", hasSize(4)))
                .andExpect(jsonPath("$.sessions[3].state").value("BLOCKED"));
    }

    @Test
    @DisplayName("recording a condition re-checks booked sessions: those it hits are flagged, none cancelled; "
            + "resolving it lifts the flags")
    void recheckFlagsFutureSessions() throws Exception {
        long patient = patient("Perepro", "MALE", null);
        LocalDate first = TODAY.plusDays(70);
        String created = mvc.perform(post("/api/courses").with(httpBasic("reception", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(course(patient, "PROSTATE_MASSAGE", urologist(), 8, first, "11:00")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.sessions[*].needsAttention", everyItem(is(false))))
                .andReturn().getResponse().getContentAsString();
        long courseId = ((Number) JsonPath.read(created, "$.id")).longValue();

        // fever from the day of session 3 to the day of session 4
        LocalDate third = LocalDate.parse(JsonPath.<String>read(created, "$.sessions[2].startsAt").substring(0, 10));
        LocalDate fourth = LocalDate.parse(JsonPath.<String>read(created, "$.sessions[3].startsAt").substring(0, 10));
        String condition = recordCondition(patient, "FEVER", third, fourth)
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long conditionId = ((Number) JsonPath.read(condition, "$.id")).longValue();

        mvc.perform(get("/api/courses/{id}", courseId).with(httpBasic("reception", "demo")))
                .andExpect(jsonPath("$.sessions[*].status", everyItem(is("BOOKED"))))
                .andExpect(jsonPath("$.sessions[?(@.needsAttention == true)].number", hasSize(2)))
                .andExpect(jsonPath("$.sessions[2].needsAttention").value(true))
                .andExpect(jsonPath("$.sessions[3].needsAttention").value(true))
                .andExpect(jsonPath("$.sessions[2].attentionRule").value("CONTRAINDICATION"))
                .andExpect(jsonPath("$.sessions[2].attentionUntil").value(fourth.plusDays(1).toString()))
                .andExpect(jsonPath("$.sessions[4].needsAttention").value(false));

        mvc.perform(post("/api/patients/{p}/conditions/{c}/resolve", patient, conditionId)
                        .with(httpBasic("urologist", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"resolvedOn\":\"" + third + "\"}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/courses/{id}", courseId).with(httpBasic("reception", "demo")))
                .andExpect(jsonPath("$.sessions[*].needsAttention", not(hasItem(true))));
        // The course's wait is on record, one act when the block began and one when it was lifted, for the review.
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("SELECT act || ':' || coalesce(reason, '') || ':' || actor "
                        + "FROM course_event WHERE course_id = ? AND act IN ('BLOCKED', 'UNBLOCKED') ORDER BY id")
                .param(courseId).query(String.class).list())
                .containsExactly("BLOCKED:CONTRAINDICATION:urologist", "UNBLOCKED::urologist");
    }

    @Test
    @DisplayName("a relative contraindication recorded after booking flags the sessions as needing a clinician's "
            + "confirmation; a clinician confirms once for the course with a reason, and the flags lift")
    void warningAfterBookingNeedsConfirmation() throws Exception {
        long patient = patient("Adenomov", "MALE", null);
        String created = mvc.perform(post("/api/courses").with(httpBasic("reception", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(course(patient, "PROSTATE_MASSAGE", urologist(), 8, TODAY.plusDays(75), "12:00")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long courseId = ((Number) JsonPath.read(created, "$.id")).longValue();
        recordCondition(patient, "PROSTATE_ADENOMA", TODAY.minusYears(1), null).andExpect(status().isCreated());
        mvc.perform(get("/api/courses/{id}", courseId).with(httpBasic("reception", "demo")))
                .andExpect(jsonPath("$.sessions[*].needsAttention", everyItem(is(true))))
                .andExpect(jsonPath("$.sessions[*].attentionRule", everyItem(is("NEEDS_CONFIRMATION"))));
        String confirmation = "{\"key\":\"CONTRAINDICATION:PROSTATE_ADENOMA\",\"reason\":\"Mild BPH, reviewed.\"}";
        mvc.perform(post("/api/courses/{id}/overrides", courseId).with(httpBasic("reception", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(confirmation))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/courses/{id}/overrides", courseId).with(httpBasic("urologist", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"key\":\"CONTRAINDICATION:PROSTATE_ADENOMA\",\"reason\":\" \"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/courses/{id}/overrides", courseId).with(httpBasic("urologist", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"key\":\"CONTRAINDICATION:FEVER\",\"reason\":\"none\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/courses/{id}/overrides", courseId).with(httpBasic("urologist", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(confirmation))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sessions[*].needsAttention", not(hasItem(true))));
        assertThat(jdbc.sql("SELECT reason FROM rule_override WHERE course_id = ? AND finding = "
                        + "'CONTRAINDICATION:PROSTATE_ADENOMA'").param(courseId).query(String.class).list())
                .containsExactly("Mild BPH, reviewed.");
    }

    @Test
    @DisplayName("without a practitioner, the course goes to the first qualified one whose plan passes: past the "
            + "demo gynecologist, who does not work at that hour, to a second who does")
    void anyQualifiedPractitioner() throws Exception {
        long evenings = gynecologistWorkingEvenings();
        try {
            long patient = patient("Lyubova", "FEMALE", null);
            String withFirst = course(patient, "GYNECOLOGICAL_MASSAGE", gynecologist(), 10,
                    monday(TODAY.plusDays(150)), "20:30");
            // the first qualified practitioner (by name) works until 20:00: her plan is refused
            mvc.perform(post("/api/courses/check").with(httpBasic("reception", "demo"))
                            .contentType(MediaType.APPLICATION_JSON).content(withFirst))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.bookable").value(false))
                    .andExpect(jsonPath("$.findings[?(@.rule == 'WORKING_HOURS' && @.severity == 'BLOCK')]").isNotEmpty());
            String anyone = withFirst.replaceFirst(",\"practitionerId\":\\d+", "");
            assertThat(anyone).doesNotContain("practitionerId");
            mvc.perform(post("/api/courses").with(httpBasic("reception", "demo"))
                            .contentType(MediaType.APPLICATION_JSON).content(anyone))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.practitionerId").value(evenings));
            assertThat(jdbc.sql("SELECT practitioner_id FROM course WHERE patient_id = ?").param(patient)
                    .query(Long.class).single()).isEqualTo(evenings);
        }
        finally {
            // out of the other tests' way: "any qualified" skips an inactive practitioner
            jdbc.sql("UPDATE practitioner SET active = false WHERE id = ?").param(evenings).update();
        }
    }

    /** A second gynecologist, sorted after the demo one, qualified for the massage and working until 22:30. */
    private long gynecologistWorkingEvenings() {
        long location = jdbc.sql("SELECT location_id FROM practitioner WHERE id = ?").param(gynecologist())
                .query(Long.class).single();
        long id = jdbc.sql("INSERT INTO practitioner (given_name, family_name, specialty, location_id) "
                        + "VALUES ('Vera', 'Zorina', 'GYNECOLOGY', ?) RETURNING id")
                .param(location).query(Long.class).single();
        jdbc.sql("INSERT INTO practitioner_program (practitioner_id, program_id) "
                        + "SELECT ?, id FROM treatment_program WHERE code = 'GYNECOLOGICAL_MASSAGE'")
                .param(id).update();
        jdbc.sql("INSERT INTO working_hours (practitioner_id, day_of_week, starts_at, ends_at, location_id) "
                        + "SELECT ?, d, TIME '08:00', TIME '22:30', ? FROM generate_series(1, 6) d")
                .params(id, location).update();
        return id;
    }

    @Test
    @DisplayName("receptionists may neither record nor read conditions or examinations")
    void receptionCannotTouchConditions() throws Exception {
        long patient = patient("Sekretov", "MALE", null);
        recordConditionAs("reception", patient, "FEVER", TODAY, TODAY.plusDays(2)).andExpect(status().isForbidden());
        mvc.perform(get("/api/patients/{id}/conditions", patient).with(httpBasic("reception", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/patients/{id}/examinations", patient).with(httpBasic("reception", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"programCode\":\"PROSTATE_MASSAGE\",\"examinedOn\":\"" + TODAY
                                + "\",\"cleared\":true}"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT count(*) FROM patient_condition WHERE patient_id = ?").param(patient)
                .query(Long.class).single()).isZero();
    }

    @Test
    @DisplayName("an examination that clears the patient removes the note that the first session starts with it")
    void examinationClears() throws Exception {
        long patient = patient("Osmotrov", "MALE", null);
        String request = course(patient, "PROSTATE_MASSAGE", urologist(), 8, TODAY.plusDays(100), "10:00");
        mvc.perform(post("/api/courses/check").with(httpBasic("urologist", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(request))
                .andExpect(jsonPath("$.findings[?(@.rule == 'EXAMINATION')].severity").value("INFO"))
                .andExpect(jsonPath("$.bookable").value(true));
        mvc.perform(post("/api/patients/{id}/examinations", patient).with(httpBasic("urologist", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"programCode\":\"PROSTATE_MASSAGE\",\"examinedOn\":\"" + TODAY
                                + "\",\"cleared\":false,\"findings\":\"Tender, enlarged gland\"}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/courses/check").with(httpBasic("urologist", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(request))
                .andExpect(jsonPath("$.findings[?(@.rule == 'EXAMINATION')].severity").value("BLOCK"))
                .andExpect(jsonPath("$.earliestStart").value(nullValue()));
    }

    @Test
    @DisplayName("invalid requests get 400 naming the field: unknown program, condition code, a start in the past")
    void invalidRequests() throws Exception {
        long patient = patient("Oshibkin", "MALE", null);
        mvc.perform(post("/api/courses/check").with(httpBasic("reception", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(course(patient, "NO_SUCH_PROGRAM", urologist(), 8, TODAY.plusDays(3), "10:00")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("programCode"));
        mvc.perform(post("/api/courses/check").with(httpBasic("reception", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(course(patient, "PROSTATE_MASSAGE", urologist(), 8, TODAY.minusDays(3), "10:00")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("firstSessionAt"));
        recordCondition(patient, "NOT_A_CONDITION", TODAY, null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        recordCondition(patient, "FEVER", TODAY, TODAY.minusDays(1))
                .andExpect(status().isBadRequest());
    }

    @Test
    @DisplayName("a course overlapping the practitioner's booked session is refused with 409 naming the slot; "
            + "nothing of it is stored")
    void slotTaken() throws Exception {
        long first = patient("Pervyi", "MALE", null);
        long second = patient("Vtoroi", "MALE", null);
        LocalDate start = monday(TODAY.plusDays(130));
        mvc.perform(post("/api/courses").with(httpBasic("reception", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content(course(first, "PROSTATE_MASSAGE", urologist(), 8, start, "15:00")))
                .andExpect(status().isCreated());
        // the second course starts two weeks earlier (Mon, Wed, Fri, Mon, ...); its 7th session lands on the first's 1st
        mvc.perform(post("/api/courses").with(httpBasic("reception", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content(course(second, "PROSTATE_MASSAGE", urologist(), 8, start.minusDays(14), "15:15")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.conflictsWith").value("PRACTITIONER"))
                .andExpect(jsonPath("$.startsAt").value(start + "T15:00:00"));
        assertThat(coursesOf(second)).isZero();
    }

    /** The Monday on or after the day: pins weekday-dependent plans (Sundays are the demo practitioners' day off). */
    static LocalDate monday(LocalDate day) {
        return day.with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.MONDAY));
    }

    private ResultActions recordCondition(long patient, String code, LocalDate onset, LocalDate expectedEnd)
            throws Exception {
        return recordConditionAs("urologist", patient, code, onset, expectedEnd);
    }

    private ResultActions recordConditionAs(String user, long patient, String code, LocalDate onset,
            LocalDate expectedEnd) throws Exception {
        return mvc.perform(post("/api/patients/{id}/conditions", patient).with(httpBasic(user, "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"" + code + "\",\"onset\":\"" + onset + "\""
                        + (expectedEnd == null ? "" : ",\"expectedEnd\":\"" + expectedEnd + "\"") + "}"));
    }

    private long patient(String familyName, String sex, LocalDate lastPeriodStart) {
        return jdbc.sql("INSERT INTO patient (given_name, family_name, birth_date, sex, last_period_start, "
                        + "cycle_length_days, period_length_days) VALUES ('Test', ?, DATE '1980-01-01', ?, ?, ?, ?) RETURNING id")
                .params(familyName + System.nanoTime(), sex, lastPeriodStart, lastPeriodStart == null ? null : 28,
                        lastPeriodStart == null ? null : 5)
                .query(Long.class).single();
    }

    private long urologist() {
        return jdbc.sql("SELECT practitioner_id FROM app_user WHERE username = 'urologist'").query(Long.class).single();
    }

    private long gynecologist() {
        return jdbc.sql("SELECT practitioner_id FROM app_user WHERE username = 'gynecologist'").query(Long.class)
                .single();
    }

    private long coursesOf(long patient) {
        return jdbc.sql("SELECT count(*) FROM course WHERE patient_id = ?").param(patient).query(Long.class).single();
    }

    static String course(long patient, String program, long practitioner, int sessions, LocalDate first, String time) {
        return "{\"patientId\":" + patient + ",\"programCode\":\"" + program + "\",\"practitionerId\":" + practitioner
                + ",\"sessionCount\":" + sessions + ",\"firstSessionAt\":\"" + first + "T" + time + "\"}";
    }
}
