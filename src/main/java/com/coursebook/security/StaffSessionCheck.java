package com.coursebook.security;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * On every signed-in request, the login as the database has it now, so an admin's change applies at the person's
 * next request rather than at their next sign-in:
 * <ul>
 * <li>disabled (or gone): the session is ended there and then — the screens go to the login page, the API answers 401;
 * <li>its password changed since this session signed in (in another session): ended the same way (ASVS 5.0 7.4.3);
 * <li>a temporary password: nothing but the change-password page (and signing out) until a new one is chosen;
 * <li>new roles or a new name: the session carries them from this request on;
 * <li>the first request after signing in puts the screens in the person's preferred language.
 * </ul>
 * One indexed query per request. Only sessions signed in through our own user store are checked; without a database
 * (a web slice test) there is nothing to ask and the check stands aside. Not a bean, so the servlet container does not
 * run it outside Spring Security's chains.
 */
final class StaffSessionCheck extends OncePerRequestFilter {

    /** Set once the preferred language was applied to this session. */
    static final String LANGUAGE_APPLIED = StaffSessionCheck.class.getName() + ".LANGUAGE";

    static final String CHANGE_PASSWORD = "/account/password";

    static final String API_CHANGE_PASSWORD = "/api/account/password";

    private static final Set<String> OPEN_WHILE_CHANGING = Set.of(CHANGE_PASSWORD, "/logout", "/login", "/error",
            "/favicon.ico");

    private final ObjectProvider<StaffStandings> standings;

    private final ObjectProvider<LocaleResolver> locales;

    private final boolean api;

    /** The API's answers in words (the screens redirect instead). */
    private final ProblemResponses problems;

    private static final SecurityContextRepository SESSIONS = new HttpSessionSecurityContextRepository();

    private StaffSessionCheck(ObjectProvider<StaffStandings> standings, ObjectProvider<LocaleResolver> locales,
            ProblemResponses problems) {
        this.standings = standings;
        this.locales = locales;
        this.api = problems != null;
        this.problems = problems;
    }

    static StaffSessionCheck forScreens(ObjectProvider<StaffStandings> standings, ObjectProvider<LocaleResolver> locales) {
        return new StaffSessionCheck(standings, locales, null);
    }

    static StaffSessionCheck forApi(ObjectProvider<StaffStandings> standings, ProblemResponses problems) {
        return new StaffSessionCheck(standings, null, problems);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        StaffStandings store = standings.getIfAvailable();
        if (store == null || authentication == null
                || !(authentication.getPrincipal() instanceof SignedInName.StaffMember member)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<StaffStanding> now = store.ofActive(member.getUsername());
        if (now.isEmpty() || now.get().sessionEpoch() != member.standing().sessionEpoch()) {
            end(request, response);
            return;
        }
        StaffStanding standing = now.get();
        if (!standing.equals(member.standing())) {
            refresh(authentication, member.with(standing), request, response);
        }
        HttpSession session = request.getSession(false);
        if (!api && session != null && session.getAttribute(LANGUAGE_APPLIED) == null) {
            LocaleResolver resolver = locales.getIfAvailable();
            if (resolver != null && standing.language() != null) {
                resolver.setLocale(request, response, Locale.forLanguageTag(standing.language()));
            }
            session.setAttribute(LANGUAGE_APPLIED, Boolean.TRUE);
        }
        if (standing.mustChangePassword() && !openWhileChanging(request)) {
            if (api) {
                problems.mustChangePassword(request, response);
            }
            else {
                response.sendRedirect(request.getContextPath() + CHANGE_PASSWORD);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean openWhileChanging(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (api) {
            return path.equals(API_CHANGE_PASSWORD);
        }
        return OPEN_WHILE_CHANGING.contains(path) || path.startsWith("/css/") || path.startsWith("/js/")
                || path.startsWith("/webjars/");
    }

    /** The session is over: nothing of it is kept, and this request is not served. */
    private void end(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        if (api) {
            problems.sessionEnded(request, response);
        }
        else {
            response.sendRedirect(request.getContextPath() + "/login?ended");
        }
    }

    /**
     * The person changed their own password in this request: this session (if it is one) carries the new epoch from
     * now on, so it stays signed in while the others end.
     */
    static void keepCurrentSession(StaffStanding now) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current == null || !(current.getPrincipal() instanceof SignedInName.StaffMember member)) {
            return;
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes call
                && call.getResponse() != null) {
            refresh(current, member.with(now), call.getRequest(), call.getResponse());
        }
    }

    private static void refresh(Authentication old, SignedInName.StaffMember member, HttpServletRequest request,
            HttpServletResponse response) {
        UsernamePasswordAuthenticationToken fresh = UsernamePasswordAuthenticationToken.authenticated(member, null,
                member.getAuthorities());
        fresh.setDetails(old.getDetails());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(fresh);
        SecurityContextHolder.setContext(context);
        if (request.getSession(false) != null) {
            SESSIONS.saveContext(context, request, response);
        }
    }
}
