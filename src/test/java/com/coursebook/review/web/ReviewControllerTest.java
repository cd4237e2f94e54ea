package com.coursebook.review.web;

import java.time.LocalDate;
import java.util.List;

import com.coursebook.review.AbandonmentWatch;
import com.coursebook.review.CourseCompletion;
import com.coursebook.review.Outcome;
import com.coursebook.review.ReviewFilter;
import com.coursebook.shared.ClinicClock;
import com.coursebook.shared.InvalidRequestException;
import com.coursebook.support.ScreenSliceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The admin's review: the period filtered, a mistyped period said beside the form, the CSVs, admins only. */
@ScreenSliceTest(value = ReviewController.class, properties = ScreenSliceTest.VIEW_NAMES_ONLY)
class ReviewControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ClinicClock clock;

    @MockitoBean
    CourseCompletion completion;

    @MockitoBean
    ReviewChoices choices;

    @MockitoBean
    AbandonmentWatch watch;

    @BeforeEach
    void abandonAfterThree() {
        given(watch.abandonAfterNoShows()).willReturn(3);
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    @DisplayName("the dashboard opens on the last twelve months, with the courses about to be abandoned")
    void defaults() throws Exception {
        LocalDate today = clock.today();
        ReviewFilter expected = new ReviewFilter(ReviewFilter.defaultFrom(today), today, null, null, null);
        mvc.perform(get("/review"))
                .andExpect(status().isOk())
                .andExpect(view().name("review/dashboard"))
                .andExpect(model().attribute("filter", expected))
                .andExpect(model().attribute("abandonAfter", 3))
                .andExpect(model().attributeExists("atRisk"));
        verify(completion).report(expected);
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    @DisplayName("a period that ends before it starts is shown again as typed with the reason, and nothing is counted")
    void reversedPeriod() throws Exception {
        mvc.perform(get("/review").param("from", "2026-06-01").param("to", "2026-05-01").param("program", "PROSTATE"))
                .andExpect(status().isOk())
                .andExpect(view().name("review/dashboard"))
                .andExpect(model().attribute("filter", new ReviewController.Typed(LocalDate.of(2026, 6, 1),
                        LocalDate.of(2026, 5, 1), null, "PROSTATE", null)))
                .andExpect(result -> assertThat(((InvalidRequestException) result.getModelAndView().getModel()
                        .get("problem")).messageCode()).isEqualTo("review.range.reversed"))
                .andExpect(model().attributeDoesNotExist("report"));
        verify(completion, never()).report(any());
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    @DisplayName("the courses behind a number are those of the outcome, month and reason clicked")
    void coursesBehindNumber() throws Exception {
        ReviewFilter filter = new ReviewFilter(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), 2L, null, null);
        mvc.perform(get("/review/courses").param("from", "2026-01-01").param("to", "2026-06-30")
                        .param("location", "2").param("outcome", "STOPPED").param("month", "2026-05")
                        .param("reason", "pain"))
                .andExpect(status().isOk())
                .andExpect(view().name("review/courses"))
                .andExpect(model().attribute("outcome", Outcome.STOPPED));
        verify(completion).courses(filter, Outcome.STOPPED, "2026-05", "pain");
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    @DisplayName("the courses export is a CSV attachment with its header row")
    void export() throws Exception {
        given(completion.courses(any(), any(), any(), any())).willReturn(List.of());
        mvc.perform(get("/review/courses/export").param("outcome", "ABANDONED"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", startsWith("text/csv")))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(content().string(containsString("course_id,patient,record_number")));
        verify(completion).courses(any(), org.mockito.ArgumentMatchers.eq(Outcome.ABANDONED), any(), any());
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    @DisplayName("a table that does not exist is a not-found page, and nothing is counted")
    void unknownTable() throws Exception {
        mvc.perform(get("/review/export/passwords")).andExpect(status().isNotFound());
        verifyNoInteractions(completion);
    }

    @Test
    @WithMockUser(roles = "CLINICIAN")
    @DisplayName("only an admin sees the review")
    void clinicianForbidden() throws Exception {
        mvc.perform(get("/review")).andExpect(status().isForbidden());
        mvc.perform(get("/review/export/figures")).andExpect(status().isForbidden());
        verifyNoInteractions(completion);
    }
}
