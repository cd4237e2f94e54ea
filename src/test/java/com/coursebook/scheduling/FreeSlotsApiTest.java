package com.coursebook.scheduling;

import java.time.DayOfWeek;
import java.time.LocalDate;

import com.coursebook.shared.ClinicClock;
import com.coursebook.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** GET /api/practitioners/{id}/free-slots on the whole application. */
@IntegrationTest
class FreeSlotsApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ClinicClock clock;

    ScheduleFixture fixture;

    LocalDate monday;

    long practitioner;

    @BeforeEach
    void setUp() {
        fixture = new ScheduleFixture(jdbc, clock);
        monday = fixture.farMonday();
        practitioner = fixture.practitioner(fixture.location());
        fixture.hours(practitioner, DayOfWeek.MONDAY, "09:00", "10:00");
    }

    @AfterEach
    void cleanUp() {
        fixture.removeAll();
    }

    @Test
    @DisplayName("answers a list of local start and end times, for a receptionist, a clinician and an admin")
    void listsSlots() throws Exception {
        for (String user : new String[] { "reception", "urologist", "admin" }) {
            freeSlots(practitioner, monday, monday.plusDays(6), "30", user)
                    .andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                    .andExpect(jsonPath("$", hasSize(3)))
                    .andExpect(jsonPath("$[0].*", hasSize(2)))
                    .andExpect(jsonPath("$[0].startsAt").value(monday + "T09:00:00"))
                    .andExpect(jsonPath("$[0].endsAt").value(monday + "T09:30:00"))
                    .andExpect(jsonPath("$[2].startsAt").value(monday + "T09:30:00"))
                    .andExpect(jsonPath("$[2].endsAt").value(monday + "T10:00:00"));
        }
    }

    @Test
    @DisplayName("a last date before the first is a 400 problem naming the field")
    void reversedRange() throws Exception {
        freeSlots(practitioner, monday, monday.minusDays(1), "30", "reception")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("to"))
                .andExpect(jsonPath("$.errors[0].message").value("The last date must not be before the first date."));
    }

    @Test
    @DisplayName("62 days are answered; 63 are a 400 problem saying how many may be asked for")
    void rangeTooLong() throws Exception {
        freeSlots(practitioner, monday, monday.plusDays(61), "30", "reception")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(3 * 9)));
        freeSlots(practitioner, monday, monday.plusDays(62), "30", "reception")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("to"))
                .andExpect(jsonPath("$.errors[0].message").value("Ask for at most 62 days at a time."));
    }

    @Test
    @DisplayName("a slot length out of range or a date that does not exist is a 400 problem naming the field")
    void badParameters() throws Exception {
        freeSlots(practitioner, monday, monday, "0", "reception")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("minutes"))
                .andExpect(jsonPath("$.errors[0].message").value("A slot lasts from 5 to 480 minutes."));
        mvc.perform(get("/api/practitioners/{id}/free-slots", practitioner).with(httpBasic("reception", "demo"))
                        .param("from", "2031-02-30").param("to", "2031-03-02").param("minutes", "30"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("from"));
    }

    @Test
    @DisplayName("an unknown practitioner is a 404 problem")
    void unknownPractitioner() throws Exception {
        freeSlots(Long.MAX_VALUE, monday, monday, "30", "reception")
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("There is no practitioner " + Long.MAX_VALUE + "."));
    }

    @Test
    @DisplayName("without credentials the answer is 401, with no slot in it")
    void anonymous() throws Exception {
        mvc.perform(get("/api/practitioners/{id}/free-slots", practitioner)
                        .param("from", monday.toString()).param("to", monday.toString()).param("minutes", "30"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.startsAt").doesNotExist());
    }

    private ResultActions freeSlots(long id, LocalDate from, LocalDate to, String minutes, String user)
            throws Exception {
        return mvc.perform(get("/api/practitioners/{id}/free-slots", id).with(httpBasic(user, "demo"))
                .param("from", from.toString()).param("to", to.toString()).param("minutes", minutes));
    }
}
