package com.coursebook.security.internal;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>} with a personal API token ({@link ApiTokens}): the token's owner is signed
 * in for this one request, with the same roles and the same enabled check as their password gives them. A token
 * that is unknown, revoked, expired, or whose user is disabled or gone, is answered 401 at once. Other
 * Authorization schemes pass on (HTTP Basic is the next filter).
 */
public class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    /** Looked up per request: web slice tests load the security configuration without a database. */
    private final ObjectProvider<ApiTokens> tokens;

    private final UserDetailsService users;

    private final AuthenticationEntryPoint refuse;

    public BearerTokenFilter(ObjectProvider<ApiTokens> tokens, UserDetailsService users, AuthenticationEntryPoint refuse) {
        this.tokens = tokens;
        this.users = users;
        this.refuse = refuse;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        ApiTokens known = tokens.getIfAvailable();
        Optional<UserDetails> user = (known == null ? Optional.<String>empty()
                : known.ownerOf(header.substring(BEARER.length()).strip()))
                .flatMap(this::load)
                .filter(u -> u.isEnabled() && u.isAccountNonLocked() && u.isAccountNonExpired());
        if (user.isEmpty()) {
            contexts.clearContext();
            refuse.commence(request, response, new BadCredentialsException("Unknown, revoked or expired API token"));
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.get(), null,
                user.get().getAuthorities()));
        contexts.setContext(context);
        chain.doFilter(request, response);
    }

    private Optional<UserDetails> load(String username) {
        try {
            return Optional.of(users.loadUserByUsername(username));
        }
        catch (UsernameNotFoundException ex) {
            return Optional.empty();
        }
    }
}
