package com.coursebook.security.internal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * {@code Authorization: Bearer <token>} through Spring Security's own authentication, like HTTP Basic beside it: a
 * converter reads the token, the chain's authentication manager checks it ({@link ApiTokenAuthenticationProvider}
 * behind the sign-in throttle) and publishes the success or failure event the audit trail records. A token that does
 * not check out is answered by the entry point (401, or 429 while the address must wait); other schemes pass on.
 * Stateless: the signed-in token lasts for this one request.
 */
public final class ApiTokenSignIn extends AbstractHttpConfigurer<ApiTokenSignIn, HttpSecurity> {

    private static final String BEARER = "Bearer ";

    private final AuthenticationEntryPoint refuse;

    public ApiTokenSignIn(AuthenticationEntryPoint refuse) {
        this.refuse = refuse;
    }

    @Override
    public void configure(HttpSecurity http) {
        AuthenticationFilter filter = new AuthenticationFilter(http.getSharedObject(AuthenticationManager.class),
                converter());
        filter.setSuccessHandler((request, response, authentication) -> {
            // Nothing to do: the request goes on down the chain, signed in as the token's owner.
        });
        filter.setFailureHandler(new AuthenticationEntryPointFailureHandler(refuse));
        filter.setSecurityContextRepository(new RequestAttributeSecurityContextRepository());
        http.addFilterBefore(postProcess(filter), BasicAuthenticationFilter.class);
    }

    /** Null (not mine: the next filter looks) unless the Authorization header is a Bearer one. */
    static AuthenticationConverter converter() {
        WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();
        return (HttpServletRequest request) -> {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                return null;
            }
            ApiTokenAuthentication attempt = ApiTokenAuthentication.unauthenticated(
                    header.substring(BEARER.length()).strip());
            attempt.setDetails(details.buildDetails(request));
            return attempt;
        };
    }
}
