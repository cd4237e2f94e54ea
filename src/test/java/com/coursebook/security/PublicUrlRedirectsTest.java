package com.coursebook.security;

import com.coursebook.security.internal.PublicUrlRedirects;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Redirects after sign-in and sign-out go to the configured public URL with the target's path only. */
class PublicUrlRedirectsTest {

    @Test
    @DisplayName("an absolute target keeps its path and query and goes to the public URL; never to another host")
    void publicUrl() throws Exception {
        PublicUrlRedirects redirects = new PublicUrlRedirects("https://coursebook.example.org/");
        assertThat(redirect(redirects, "http://evil.example/patients?continue")).isEqualTo(
                "https://coursebook.example.org/patients?continue");
        assertThat(redirect(redirects, "/login?logout")).isEqualTo("https://coursebook.example.org/login?logout");
        assertThat(redirect(redirects, "//evil.example/x")).isEqualTo("https://coursebook.example.org/");
        assertThat(redirect(new PublicUrlRedirects(""), "http://evil.example/today")).isEqualTo("/today");
    }

    @Test
    @DisplayName("a public URL that is not an http(s) address stops the start")
    void checked() {
        assertThatThrownBy(() -> new PublicUrlRedirects("javascript:alert(1)")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PublicUrlRedirects("coursebook.example.org")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String redirect(PublicUrlRedirects redirects, String url) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        redirects.sendRedirect(new MockHttpServletRequest(), response, url);
        return response.getRedirectedUrl();
    }
}
