package com.coursebook.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/** 401 and 403 for the JSON API as RFC 9457 problem details, never a redirect to the login page. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static AuthenticationEntryPoint unauthorized() {
        return (request, response, ex) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"CourseBook\"");
            write(response, 401, "Unauthorized", "Sign in (HTTP Basic or the browser session) to use the API.");
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, ex) -> write(response, 403, "Forbidden",
                ex instanceof CsrfException
                        ? "Missing or invalid CSRF token: send the X-CSRF-TOKEN header with a browser session, or use HTTP Basic."
                        : "Your role may not do this.");
    }

    /** A session whose login was disabled meanwhile: it is over, sign in again (a disabled login cannot). */
    static void sessionEnded(HttpServletResponse response) throws IOException {
        write(response, 401, "Unauthorized", "This session has ended: the login was disabled.");
    }

    /** A temporary password works for one thing only: choosing a new one. */
    static void mustChangePassword(HttpServletResponse response) throws IOException {
        write(response, 403, "Forbidden",
                "Change your temporary password first: PUT /api/account/password with currentPassword and newPassword.");
    }

    private static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}");
    }
}
