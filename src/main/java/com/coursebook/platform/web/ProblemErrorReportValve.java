package com.coursebook.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.web.util.HtmlUtils;

/**
 * Tomcat's own error answer, for what it refuses before the application sees the request (an encoded slash or NUL
 * in the path, invalid UTF-8 or %-escapes, a request line too long): problem details under {@code /api}, and a plain
 * page in the app's words for screens, instead of Tomcat's HTML report. Whatever the application answered itself
 * (including {@link ErrorPages}) is left alone, as Tomcat's valve does. A request line too long to read (over
 * {@code server.max-http-request-header-size}) leaves no path to tell by, and is answered with problem details.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String uri = request.getCoyoteRequest().requestURI().toString();
        Locale locale = language(request);
        String detail = text(locale, ErrorPages.detailCode(status));
        HttpStatus known = HttpStatus.resolve(status);
        String title = known != null ? known.getReasonPhrase() : String.valueOf(status);
        // A request line too long to read leaves no path: then problem details, which a script can read and a
        // person too (a screen's address is never that long; the API's query parameters might be).
        boolean api = uri == null || uri.isEmpty() || ErrorPages.isApi(uri);
        try {
            response.setContentType(api ? "application/problem+json" : "text/html");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer == null) {
                return;
            }
            writer.write(api ? problem(status, title, detail) : page(locale, status, detail));
            response.finishResponse();
        }
        catch (IOException | IllegalStateException ex) {
            // the client is gone or the answer already started: nothing more to say
        }
    }

    static String problem(int status, String title, String detail) {
        return "{\"type\":\"about:blank\",\"title\":\"" + json(title) + "\",\"status\":" + status + ",\"detail\":\""
                + json(detail) + "\"}";
    }

    private static String page(Locale locale, int status, String detail) {
        String title = HtmlUtils.htmlEscape(text(locale, "error.title"));
        return "<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\"><title>" + title
                + "</title><link rel=\"stylesheet\" href=\"/webjars/bootstrap/css/bootstrap.min.css\">"
                + "<link rel=\"stylesheet\" href=\"/css/app.css\"></head><body><main class=\"container py-5 "
                + "text-center\"><h1 class=\"h3\">" + title + "</h1><p class=\"lead\">" + HtmlUtils.htmlEscape(detail)
                + " (" + status + ")</p><a class=\"btn btn-primary\" href=\"/\">"
                + HtmlUtils.htmlEscape(text(locale, "error.back")) + "</a></main></body></html>";
    }

    /** Russian when the browser asks for it first, otherwise English, as the app's own locale resolver does. */
    private static Locale language(Request request) {
        String accept = request.getCoyoteRequest().getMimeHeaders().getHeader("Accept-Language");
        return accept != null && accept.strip().toLowerCase(Locale.ROOT).startsWith("ru") ? Locale.forLanguageTag("ru")
                : Locale.ENGLISH;
    }

    private static String text(Locale locale, String code) {
        try {
            return ResourceBundle.getBundle("messages", locale, ResourceBundle.Control
                    .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(code);
        }
        catch (MissingResourceException ex) {
            return code;
        }
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            }
            else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            }
            else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
