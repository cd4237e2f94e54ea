package com.coursebook.security.web;

import com.coursebook.security.internal.ApiTokens;
import com.coursebook.security.internal.SignInThrottle;
import com.coursebook.audit.SignInFailures;
import com.coursebook.support.ScreenSliceTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The admin's sign-in page: admins only, unlocks what is named. */
@ScreenSliceTest(SignInAdminController.class)
class SignInAdminControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    SignInThrottle throttle;

    @MockitoBean
    ApiTokens tokens;

    @MockitoBean
    SignInFailures failures;

    @Test
    @WithMockUser(roles = "RECEPTIONIST")
    @DisplayName("only an admin opens or uses it")
    void adminsOnly() throws Exception {
        mvc.perform(get("/admin/sign-in")).andExpect(status().isForbidden());
        mvc.perform(post("/admin/sign-in/unlock").param("account", "reception").with(csrf()))
                .andExpect(status().isForbidden());
        verifyNoInteractions(throttle);
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    @DisplayName("unlock clears the account named, or else the address; back to the page saying so")
    void unlock() throws Exception {
        mvc.perform(post("/admin/sign-in/unlock").param("account", "reception").param("address", "").with(csrf()))
                .andExpect(redirectedUrl("/admin/sign-in"))
                .andExpect(flash().attribute("message", "signIn.admin.unlocked"));
        verify(throttle).unlockAccount("reception");
        mvc.perform(post("/admin/sign-in/unlock").param("account", "").param("address", "203.0.113.5").with(csrf()))
                .andExpect(redirectedUrl("/admin/sign-in"));
        verify(throttle).unlockAddress("203.0.113.5");
    }
}
