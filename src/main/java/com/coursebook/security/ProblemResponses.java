package com.coursebook.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.coursebook.security.internal.SignInThrottledException;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

import tools.jackson.databind.json.JsonMapper;

/**
 * 401, 403 and 429 for the JSON API as RFC 9457 problem details, never a redirect to the login page. The words are
 * the client's language (Accept-Language: Russian or English), from the message bundles like every other answer.
 */
final class ProblemResponses {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MessageSource messages;

    ProblemResponses(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * No or wrong credentials: 401. A sign-in the throttle refused: 429 with Retry-After, answered at once (the
     * client waits, not a server thread).
     */
    AuthenticationEntryPoint unauthorized() {
        return (request, response, ex) -> {
            if (ex instanceof SignInThrottledException throttled) {
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.seconds()));
                write(request, response, 429, "api.problem.throttled.title", throttled.accountLocked()
                        ? "api.problem.throttled.account" : "api.problem.throttled.address", throttled.seconds());
                return;
            }
            if (ex instanceof InternalAuthenticationServiceException) {
                // The credentials could not be checked at all (the database is away): not the client's fault.
                response.setHeader(HttpHeaders.RETRY_AFTER, "5");
                write(request, response, 503, "api.problem.unavailable.title", "api.problem.unavailable.signIn");
                return;
            }
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
                    bearer ? "Bearer error=\"invalid_token\"" : "Basic realm=\"CourseBook\"");
            write(request, response, 401, "api.problem.unauthorized.title",
                    bearer ? "api.problem.unauthorized.token" : "api.problem.unauthorized.signIn");
        };
    }

    /**
     * 403; but a request nobody signed in to is 401, also when it is the CSRF check that stopped it (that check runs
     * before anyone is known), so an anonymous POST reads as "sign in" rather than "missing token".
     */
    AccessDeniedHandler forbidden() {
        AuthenticationEntryPoint unauthorized = unauthorized();
        return (request, response, ex) -> {
            Authentication who = SecurityContextHolder.getContext().getAuthentication();
            if (who == null || who instanceof AnonymousAuthenticationToken || !who.isAuthenticated()) {
                unauthorized.commence(request, response, new InsufficientAuthenticationException("anonymous"));
                return;
            }
            write(request, response, 403, "api.problem.forbidden.title",
                    ex instanceof CsrfException ? "api.problem.forbidden.csrf" : "api.problem.forbidden.role");
        };
    }

    /**
     * A session whose login was disabled meanwhile (a disabled login cannot sign in again), or whose password was
     * changed in another session: it is over.
     */
    void sessionEnded(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, 401, "api.problem.unauthorized.title", "api.problem.sessionEnded");
    }

    /** A temporary password works for one thing only: choosing a new one. */
    void mustChangePassword(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, 403, "api.problem.forbidden.title", "api.problem.mustChangePassword");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
            String detail, Object... args) throws IOException {
        Locale language = request.getLocale() != null && "ru".equals(request.getLocale().getLanguage())
                ? RUSSIAN : Locale.ENGLISH;
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", messages.getMessage(title, null, language));
        problem.put("status", status);
        problem.put("detail", messages.getMessage(detail, args, language));
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(problem));
    }
}
