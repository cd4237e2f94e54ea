package com.coursebook.security.web;

import com.coursebook.security.internal.ApiTokens;
import com.coursebook.shared.InvalidRequestException;
import com.coursebook.support.ScreenSliceTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Everyone's API tokens page: tokens are made and revoked for the signed-in user only. */
@ScreenSliceTest(AccountTokensController.class)
class AccountTokensControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ApiTokens tokens;

    @Test
    @WithMockUser(username = "reception", roles = "RECEPTIONIST")
    @DisplayName("a token is made with the password typed again, revoked as theirs; revoke all goes back to the password page")
    void mine() throws Exception {
        given(tokens.create(eq("Export"), any(), eq("my password")))
                .willReturn(new ApiTokens.Created(3, "Export", "cb_secret", java.time.Instant.now(), null));
        mvc.perform(post("/account/tokens").param("name", "Export").param("currentPassword", "my password")
                        .with(csrf()))
                .andExpect(redirectedUrl("/account/tokens"))
                .andExpect(flash().attribute("newToken", "cb_secret"));
        mvc.perform(post("/account/tokens/3/revoke").with(csrf())).andExpect(redirectedUrl("/account/tokens"));
        verify(tokens).revoke(3, "reception", "reception");
        mvc.perform(post("/account/tokens/revoke-all").with(csrf())).andExpect(redirectedUrl("/account/password"));
        verify(tokens).revokeAll("reception", "reception");
    }

    @Test
    @WithMockUser(username = "reception", roles = "RECEPTIONIST")
    @DisplayName("a past last day is shown beside the date field; a malformed one too")
    void refused() throws Exception {
        given(tokens.create(any(), any(), any()))
                .willThrow(new InvalidRequestException("expiresOn", "token.expiresOn.future"));
        mvc.perform(post("/account/tokens").param("name", "x").param("expiresOn", "2020-01-01").with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The last day must be after today.")));
        mvc.perform(post("/account/tokens").param("name", "x").param("expiresOn", "soon").with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter a date as YYYY-MM-DD between 1900 and 2100.")));
    }
}
