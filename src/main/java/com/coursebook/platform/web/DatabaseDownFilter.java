package com.coursebook.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.coursebook.platform.SupervisedPostgres;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the embedded server is known to be down (its watchdog found it dead and is starting it again), every request
 * but the health probes and static files is answered 503 at once - problem details under /api, a page in words for
 * the screens (both by {@link ErrorPages}) - instead of each one waiting for a connection. Before Spring Security,
 * whose own checks need the database. With an external database there is no watchdog and this stands aside; the
 * pool's short connection timeout and the advices give the 503 there.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DatabaseDownFilter extends OncePerRequestFilter {

    /** Seconds a client should wait before trying again: about what a restart with crash recovery takes. */
    static final String RETRY_AFTER = "5";

    private final ObjectProvider<SupervisedPostgres> server;

    DatabaseDownFilter(ObjectProvider<SupervisedPostgres> server) {
        this.server = server;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SupervisedPostgres postgres = server.getIfAvailable();
        if (postgres == null || postgres.isUp() || passes(request.getRequestURI().substring(request.getContextPath().length()))) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER);
        response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }

    private static boolean passes(String path) {
        return path.startsWith("/actuator/") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.startsWith("/webjars/") || path.equals("/favicon.ico") || path.equals("/error");
    }
}
