package com.coursebook.security.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * The screens' answer when the session behind a request is gone (an app restart, a timeout): the sign-in page saying
 * so ({@code /login?ended}), then back to where the person was.
 * <ul>
 * <li>As the entry point: a page asked for without a signed-in session. When the browser still sent a session that
 * the server no longer has, the page says the session ended; otherwise it simply asks to sign in. Spring Security
 * has already saved the page, and signing in returns to it.</li>
 * <li>As the access-denied handler: a form sent with a missing or stale CSRF token, which is what a form opened
 * before a restart sends. The form's content is not replayed (it was never checked as coming from this person and
 * may be out of date): the saved place is the page the form was on, a GET of the same-site Referer's path (none:
 * the start page). Every other refusal stays the 403 page ("Your role may not open this page").</li>
 * </ul>
 */
public final class SessionEnded implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String ENDED = "/login?ended";

    private final RedirectStrategy redirects;

    private final RequestCache saved = new HttpSessionRequestCache();

    private final AccessDeniedHandler otherwise = new AccessDeniedHandlerImpl();

    public SessionEnded(RedirectStrategy redirects) {
        this.redirects = redirects;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        boolean hadSession = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
        redirects.sendRedirect(request, response, hadSession ? ENDED : "/login");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
            throws IOException, ServletException {
        if (!(ex instanceof CsrfException)) {
            otherwise.handle(request, response, ex);
            return;
        }
        String page = formPage(request);
        if (page != null) {
            saved.saveRequest(new PageOfTheForm(request, page), response);
        }
        redirects.sendRedirect(request, response, ENDED);
    }

    /**
     * The path and query of the page the form was on, from the Referer when it names this site (the header only
     * chooses where a signed-in person lands on this site, never another site); otherwise none
     * (signing in then leads to the start page).
     */
    static String formPage(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return null;
        }
        try {
            URI uri = new URI(referer);
            String path = uri.getRawPath();
            boolean sameSite = uri.getHost() == null || uri.getHost().equalsIgnoreCase(request.getServerName());
            if (!sameSite || path == null || !path.startsWith(request.getContextPath() + "/") || path.startsWith("//")
                    || path.contains("\\")) {
                return null;
            }
            String page = path.substring(request.getContextPath().length());
            if (page.equals("/login") || page.equals("/logout")) {
                return null;
            }
            return uri.getRawQuery() == null ? page : page + "?" + uri.getRawQuery();
        }
        catch (URISyntaxException malformed) {
            return null;
        }
    }

    /** The request as a GET of the form's page, for the request cache to save (none of the form's fields). */
    private static final class PageOfTheForm extends HttpServletRequestWrapper {

        private final String path;

        private final String query;

        PageOfTheForm(HttpServletRequest request, String page) {
            super(request);
            int question = page.indexOf('?');
            this.path = question < 0 ? page : page.substring(0, question);
            this.query = question < 0 ? null : page.substring(question + 1);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getRequestURI() {
            return getContextPath() + path;
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = new StringBuffer(getScheme()).append("://").append(getServerName());
            if (!(getServerPort() == 80 && "http".equals(getScheme()))
                    && !(getServerPort() == 443 && "https".equals(getScheme()))) {
                url.append(':').append(getServerPort());
            }
            return url.append(getRequestURI());
        }

        @Override
        public String getServletPath() {
            return path;
        }

        @Override
        public String getPathInfo() {
            return null;
        }

        @Override
        public String getQueryString() {
            return query;
        }

        @Override
        public java.util.Map<String, String[]> getParameterMap() {
            return java.util.Map.of();
        }
    }
}
