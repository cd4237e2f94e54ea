package com.coursebook.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import com.coursebook.security.internal.SignInThrottledException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/** 401, 403 and 429 for the JSON API as RFC 9457 problem details, never a redirect to the login page. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    /**
     * No or wrong credentials: 401. A sign-in the throttle refused: 429 with Retry-After, answered at once (the
     * client waits, not a server thread).
     */
    static AuthenticationEntryPoint unauthorized() {
        return (request, response, ex) -> {
            if (ex instanceof SignInThrottledException throttled) {
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.seconds()));
                write(response, 429, "Too many sign-in attempts", (throttled.accountLocked()
                        ? "The account is locked after too many failed sign-ins. "
                        : "Too many failed sign-ins from this address. ") + "Try again in " + throttled.seconds()
                        + " seconds.");
                return;
            }
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
                    bearer ? "Bearer error=\"invalid_token\"" : "Basic realm=\"CourseBook\"");
            write(response, 401, "Unauthorized", bearer
                    ? "The API token is not valid: it is unknown, revoked or expired, or its login is disabled. "
                            + "Make a new one on the API tokens screen."
                    : "Sign in (HTTP Basic, an API token as Bearer, or the browser session) to use the API.");
        };
    }

    /**
     * 403; but a request nobody signed in to is 401, also when it is the CSRF check that stopped it (that check runs
     * before anyone is known), so an anonymous POST reads as "sign in" rather than "missing token".
     */
    static AccessDeniedHandler forbidden() {
        AuthenticationEntryPoint unauthorized = unauthorized();
        return (request, response, ex) -> {
            Authentication who = SecurityContextHolder.getContext().getAuthentication();
            if (who == null || who instanceof AnonymousAuthenticationToken || !who.isAuthenticated()) {
                unauthorized.commence(request, response,
                        new org.springframework.security.authentication.InsufficientAuthenticationException("anonymous"));
                return;
            }
            write(response, 403, "Forbidden", ex instanceof CsrfException
                    ? "Missing or invalid CSRF token: send the X-CSRF-TOKEN header with a browser session, or use HTTP Basic or an API token."
                    : "Your role may not do this.");
        };
    }

    /**
     * A session whose login was disabled meanwhile (a disabled login cannot sign in again), or whose password was
     * changed in another session: it is over.
     */
    static void sessionEnded(HttpServletResponse response) throws IOException {
        write(response, 401, "Unauthorized",
                "This session has ended: the login was disabled, or its password was changed. Sign in again.");
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
