package com.coursebook.audit.internal;

import com.coursebook.audit.AuditTrail;
import com.coursebook.audit.SignInFailures;
import jakarta.servlet.http.HttpServletRequest;

import org.aopalliance.intercept.MethodInvocation;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureExpiredEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Sign-ins, failed sign-ins, sign-outs and refused requests, from the events Spring Security publishes, so the
 * security configuration needs no hooks. A password is never recorded: a failed sign-in keeps the name typed and why
 * it failed. Repeats within a minute are counted, not written again (AuditTrail's flood control), so a script
 * signing in with HTTP Basic on every call makes one line a minute; failed sign-ins are counted per name, address and
 * minute, and past a few per address only counted ({@link SignInFailures}), so a flood of made-up names does not grow
 * the chained trail.
 */
@Component
class SecurityEventsAudit {

    private final AuditTrail audit;

    private final SignInFailures failures;

    SecurityEventsAudit(AuditTrail audit, SignInFailures failures) {
        this.audit = audit;
        this.failures = failures;
    }

    @EventListener
    void signedIn(AuthenticationSuccessEvent event) {
        audit.recordAs(event.getAuthentication().getName(), "SIGN_IN", "USER", null, null, channel());
    }

    /** A throttled attempt (refused before its password was checked) is published as a locked account's failure. */
    @EventListener
    void signInFailed(AbstractAuthenticationFailureEvent event) {
        failures.record(event.getAuthentication().getName(), address(event.getAuthentication()),
                event instanceof AuthenticationFailureLockedEvent, reason(event) + "; " + channel());
    }

    @EventListener
    void signedOut(LogoutSuccessEvent event) {
        audit.recordAs(event.getAuthentication().getName(), "SIGN_OUT", "USER", null, null, null);
    }

    /**
     * A signed-in person refused (403), by a URL rule or by a method's {@code @PreAuthorize} (both publish through
     * the {@code AuthorizationEventPublisher} bean). Someone not signed in is sent to sign in, which is no refusal.
     */
    @EventListener
    void denied(AuthorizationDeniedEvent<?> event) {
        Authentication who = event.getAuthentication().get();
        if (who == null || !who.isAuthenticated() || who instanceof AnonymousAuthenticationToken) {
            return;
        }
        HttpServletRequest request = currentRequest();
        String details = request != null ? request.getMethod() + " " + request.getRequestURI()
                : event.getSource() instanceof MethodInvocation call
                        ? call.getMethod().getDeclaringClass().getSimpleName() + "." + call.getMethod().getName()
                        : String.valueOf(event.getSource());
        audit.recordAs(who.getName(), "DENIED", "REQUEST", null, null, details);
    }

    private static String reason(AbstractAuthenticationFailureEvent event) {
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            return "bad credentials";
        }
        if (event instanceof AuthenticationFailureDisabledEvent) {
            return "account disabled";
        }
        if (event instanceof AuthenticationFailureLockedEvent) {
            return "account locked";
        }
        if (event instanceof AuthenticationFailureExpiredEvent) {
            return "account expired";
        }
        return event.getException().getClass().getSimpleName();
    }

    /** The client's address as the container reports it (behind a trusted proxy, the client's). */
    private static String address(Authentication attempt) {
        if (attempt.getDetails() instanceof WebAuthenticationDetails details) {
            return details.getRemoteAddress();
        }
        HttpServletRequest request = currentRequest();
        return request == null ? null : request.getRemoteAddr();
    }

    /** Form sign-in, credentials sent with an API call, or an API token (Bearer) sent with one. */
    private static String channel() {
        HttpServletRequest request = currentRequest();
        if (request == null) {
            return "other";
        }
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return "form";
        }
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? "api token" : "api";
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }
}
