package com.coursebook.platform.web;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import tools.jackson.databind.json.JsonMapper;

/**
 * Safe retries (docs/api.md, "Idempotency-Key"): a booking POST sent with a key runs once per user and key; a retry
 * with the same key and the same request gets the first answer again (status, Location, body), the same key with
 * another request 422, and a retry while the first still runs waits for its answer (409 when it takes too long).
 * The API's callers send the key as the {@code Idempotency-Key} header; the booking screens send one per rendered form
 * as the hidden field {@code idempotencyKey}, so a double click or a resubmit after a lost answer books once.
 * <p>
 * Keys are claimed in PostgreSQL ({@code idempotency_key}, V22.3), so every instance of the app sees them. Only an
 * answer that changed something is kept (the API's 2xx and 3xx, a screen's redirect); a refusal or a failure changed nothing, so its key is released
 * and a retry runs again. Runs after Spring Security's chain (the lowest order), so it knows who is asking. A bean of
 * {@link IdempotencyConfiguration}, not a component, so the web slice tests (which have no database) leave it out.
 */
class IdempotentRequests extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";

    static final String FIELD = "idempotencyKey";

    /** How long a retry waits for the first request's answer before it is told to try later. */
    static final Duration WAIT = Duration.ofSeconds(10);

    /** The API's acts that create or change a record; the screens' forms are recognised by their hidden field. */
    private static final List<PathPattern> API_ACTS = List.of("/api/courses", "/api/courses/{id}/{act}",
            "/api/patients", "/api/sessions/{id}/{act}", "/api/notes/{id}/{act}").stream()
            .map(PathPatternParser.defaultInstance::parse).toList();

    private final JdbcClient jdbc;

    private final MessageSource messages;

    private final LocaleResolver locales;

    private final JsonMapper json;

    IdempotentRequests(JdbcClient jdbc, MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    /** A kept key lasts at least 24 hours; an hourly sweep removes older ones. */
    @Scheduled(fixedDelay = 60 * 60 * 1000, initialDelay = 60 * 1000)
    void forgetOldKeys() {
        jdbc.sql("DELETE FROM idempotency_key WHERE created_at < now() - interval '25 hours'").update();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = user();
        boolean api = ErrorPages.isApi(path(request));
        String key = !"POST".equals(request.getMethod()) || user == null ? null
                : api ? (isAct(request) ? request.getHeader(HEADER) : null) : formKey(request);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        if (key.isBlank() || key.length() > 200) {
            refuse(request, response, api, HttpStatus.BAD_REQUEST, "idempotency.key.invalid");
            return;
        }
        HttpServletRequest replayable = api ? new ReadBody(request) : request;
        byte[] fingerprint = fingerprint(replayable, api);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            if (claim(user, key, fingerprint)) {
                run(user, key, api, replayable, response, chain);
                return;
            }
            Optional<Kept> kept = kept(user, key);
            if (kept.isEmpty()) {
                continue; // the first request was refused or failed and released the key: this one runs
            }
            if (!MessageDigest.isEqual(kept.get().fingerprint(), fingerprint)) {
                refuse(request, response, api, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency.key.reused");
                return;
            }
            if (kept.get().status() != null) {
                replay(kept.get(), response);
                return;
            }
            if (System.nanoTime() > deadline) {
                refuse(request, response, api, HttpStatus.CONFLICT, "idempotency.key.running");
                return;
            }
            pause();
        }
    }

    private void run(String user, String key, boolean api, HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws ServletException, IOException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(request, answer);
            int status = answer.getStatus();
            // A screen's form that changed something redirects (post/redirect/get); shown again, it changed nothing.
            if (status >= 300 && status < 400 || api && status >= 200 && status < 300) {
                jdbc.sql("""
                        UPDATE idempotency_key SET status = ?, location = ?, content_type = ?, body = ?
                        WHERE username = ? AND key = ?""")
                        .params(status, answer.getHeader(HttpHeaders.LOCATION), answer.getContentType(),
                                answer.getContentAsByteArray(), user, key)
                        .update();
                kept = true;
            }
        }
        finally {
            if (!kept) {
                jdbc.sql("DELETE FROM idempotency_key WHERE username = ? AND key = ?").params(user, key).update();
            }
            answer.copyBodyToResponse();
        }
    }

    /** The first to insert the key runs the request; an expired key is taken over, in the same statement. */
    private boolean claim(String user, String key, byte[] fingerprint) {
        return jdbc.sql("""
                INSERT INTO idempotency_key AS k (username, key, fingerprint) VALUES (?, ?, ?)
                ON CONFLICT (username, key) DO UPDATE SET fingerprint = excluded.fingerprint, status = NULL,
                    location = NULL, content_type = NULL, body = NULL, created_at = now()
                WHERE k.created_at < now() - interval '24 hours'""").params(user, key, fingerprint).update() == 1;
    }

    private record Kept(byte[] fingerprint, Integer status, String location, String contentType, byte[] body) {
    }

    private Optional<Kept> kept(String user, String key) {
        return jdbc.sql("""
                SELECT fingerprint, status, location, content_type, body FROM idempotency_key
                WHERE username = ? AND key = ?""").params(user, key)
                .query((row, n) -> new Kept(row.getBytes(1), (Integer) row.getObject(2), row.getString(3),
                        row.getString(4), row.getBytes(5)))
                .optional();
    }

    private static void replay(Kept kept, HttpServletResponse response) throws IOException {
        response.setStatus(kept.status());
        response.setHeader("Idempotent-Replayed", "true");
        if (kept.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, kept.location());
        }
        if (kept.contentType() != null) {
            response.setContentType(kept.contentType());
        }
        if (kept.body() != null && kept.body().length > 0) {
            response.setContentLength(kept.body().length);
            response.getOutputStream().write(kept.body());
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, boolean api, HttpStatus status,
            String code) throws IOException {
        if (!api) {
            response.sendError(status.value()); // the screens' error page says it in words (error.html)
            return;
        }
        Locale locale = locales.resolveLocale(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messages.getMessage(code, null, locale));
        problem.setTitle(status.getReasonPhrase());
        problem.setInstance(java.net.URI.create(path(request)));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(problem));
    }

    /** SHA-256 of what the request asks for: method, path, and the JSON body or the form's fields (not its token). */
    private static byte[] fingerprint(HttpServletRequest request, boolean api) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((request.getMethod() + " " + path(request) + "\n").getBytes(StandardCharsets.UTF_8));
            if (api) {
                sha.update(((ReadBody) request).body);
            }
            else {
                Map<String, String[]> fields = new TreeMap<>(request.getParameterMap());
                fields.remove("_csrf");
                fields.forEach((name, values) -> {
                    sha.update((name + "=" + String.join("\u0000", values) + "\n").getBytes(StandardCharsets.UTF_8));
                });
            }
            return sha.digest();
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String formKey(HttpServletRequest request) {
        return request.getParameter(FIELD);
    }

    private static boolean isAct(HttpServletRequest request) {
        var path = org.springframework.http.server.PathContainer.parsePath(path(request));
        return API_ACTS.stream().anyMatch(pattern -> pattern.matches(path));
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static String user() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        return who == null || who instanceof AnonymousAuthenticationToken || !who.isAuthenticated() ? null
                : who.getName();
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the first request's answer", interrupted);
        }
    }

    /** The request with its body read once, for the fingerprint, and handed on unchanged. */
    static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request) throws IOException {
            super(request);
            this.body = request.getInputStream().readAllBytes();
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                /** The whole body is already in memory: it is available now, and all of it is read at once. */
                @Override
                public void setReadListener(ReadListener listener) {
                    try {
                        listener.onDataAvailable();
                        listener.onAllDataRead();
                    }
                    catch (IOException ex) {
                        listener.onError(ex);
                    }
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }
    }
}
