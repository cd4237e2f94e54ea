package com.coursebook.platform.web;

import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ModelMap;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Where every error that leaves the application without an answer of its own ends up (Tomcat forwards to
 * {@code /error}: a URL the firewall refused, no such address, a method not allowed, an uncaught exception): problem
 * details for any address under {@code /api}, whatever the client accepts, and the app's own error page, in the
 * reader's language, for screens. Replaces Spring Boot's BasicErrorController, which answered /api with HTML pages.
 * Errors Tomcat meets before the application (a malformed URL) are answered alike by {@link ProblemErrorReportValve}.
 */
@Controller
class ErrorPages implements ErrorController {

    private final MessageSource messages;

    ErrorPages(MessageSource messages) {
        this.messages = messages;
    }

    @RequestMapping("${server.error.path:/error}")
    Object error(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        HttpStatus status = status(request);
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseDownFilter.RETRY_AFTER);
        }
        if (isApi(request)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                    messages.getMessage(detailCode(status.value()), null, locale));
            problem.setTitle(status.getReasonPhrase());
            // set, not negotiated: a client that accepts only HTML still gets the problem, never a 406
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        ModelMap model = new ModelMap("status", status.value());
        return new ModelAndView("error", model, status);
    }

    static boolean isApi(String path) {
        return path != null && (path.equals("/api") || path.startsWith("/api/") || path.startsWith("/api;")
                || path.startsWith("/api%") || path.startsWith("/api?"));
    }

    /** The error page's text for a status: the client's mistake said as such, never "the server failed". */
    static String detailCode(int status) {
        return switch (status) {
            case 403 -> "error.403";
            case 404 -> "error.404";
            case 405 -> "error.405";
            case 503 -> "error.503";
            default -> status >= 400 && status < 500 ? "error.400" : "error.500";
        };
    }

    private static boolean isApi(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = original instanceof String text ? text : request.getRequestURI();
        String context = request.getContextPath();
        return isApi(uri != null && context != null && uri.startsWith(context) ? uri.substring(context.length()) : uri);
    }

    /**
     * The status of the error forwarded here; {@code /error} asked for directly carries none, and is then what it is
     * to the reader: no such page (404), not a failure of the server. A failure because the database cannot be
     * reached (say, in a filter that asked it) is a 503, not a 500.
     */
    private static HttpStatus status(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
                && DatabaseDown.causes(failure)) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            return HttpStatus.NOT_FOUND;
        }
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
