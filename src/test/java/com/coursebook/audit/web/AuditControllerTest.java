package com.coursebook.audit.web;

import java.time.LocalDate;
import java.util.List;

import com.coursebook.audit.AuditLog;
import com.coursebook.support.ScreenSliceTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The audit viewer: the filter as a query, a bad filter said beside the form without a search, admins only. */
@ScreenSliceTest(value = AuditController.class, properties = ScreenSliceTest.VIEW_NAMES_ONLY)
class AuditControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AuditLog log;

    @Test
    @WithMockUser(roles = "ADMIN")
    @DisplayName("the filter reaches the search as a query (action upper-cased, blanks empty), with the page cursor")
    void filterToQuery() throws Exception {
        given(log.search(any(), any())).willReturn(new AuditLog.Page(List.of(), null));
        given(log.patientOfRecord("CB-000007")).willReturn(java.util.Optional.of(7L));
        mvc.perform(get("/admin/audit").param("patient", "CB-000007").param("user", " ").param("action", "view")
                        .param("notes", "true").param("from", "2026-01-01").param("to", "2026-01-31")
                        .param("before", "99"))
                .andExpect(status().isOk()).andExpect(view().name("audit/search"));
        verify(log).search(new AuditLog.Query(7L, null, "VIEW", true, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 31)), 99L);
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    @DisplayName("a record number no patient has and a reversed period are field errors, and nothing is searched")
    void badFilter() throws Exception {
        var result = mvc.perform(get("/admin/audit").param("patient", "x").param("from", "2026-02-01")
                        .param("to", "2026-01-01"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("filter", "patient", "to"))
                .andReturn();
        assertThat(result.getModelAndView()).isNotNull();
        verify(log, org.mockito.Mockito.never()).search(any(), any());
    }

    @Test
    @WithMockUser(roles = "RECEPTIONIST")
    @DisplayName("only an admin reads the trail")
    void adminsOnly() throws Exception {
        mvc.perform(get("/admin/audit")).andExpect(status().isForbidden());
        mvc.perform(get("/admin/audit/export")).andExpect(status().isForbidden());
        mvc.perform(get("/admin/audit/verify")).andExpect(status().isForbidden());
        verifyNoInteractions(log);
    }
}
