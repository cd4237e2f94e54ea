package com.coursebook.security.internal;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.util.UrlUtils;

/**
 * Redirects after sign-in, a failed sign-in and sign-out, never built from the request's Host header: an absolute
 * target (a saved request is stored with the host it came in on) keeps only its path and query, which then go to the
 * configured public URL ({@code coursebook.public-url}), or, without one, stay a relative path (Tomcat is told not
 * to make it absolute: {@code server.tomcat.use-relative-redirects}).
 */
public class PublicUrlRedirects implements RedirectStrategy {

    private final String publicUrl;

    public PublicUrlRedirects(String publicUrl) {
        this.publicUrl = checked(publicUrl);
    }

    @Override
    public void sendRedirect(HttpServletRequest request, HttpServletResponse response, String url) throws IOException {
        String path;
        if (UrlUtils.isAbsoluteUrl(url)) {
            URI target = URI.create(url);
            path = (target.getRawPath() == null ? "" : target.getRawPath())
                    + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        }
        else {
            path = request.getContextPath() + url;
        }
        if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) {
            path = "/"; // never a protocol-relative "//elsewhere"
        }
        response.sendRedirect(response.encodeRedirectURL(publicUrl + path));
    }

    /** Blank, or an http(s) URL without a path's trailing slash; anything else stops the start. */
    static String checked(String publicUrl) {
        if (publicUrl == null || publicUrl.isBlank()) {
            return "";
        }
        String url = publicUrl.strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        URI uri = URI.create(url);
        if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "coursebook.public-url must be the address people open, such as https://coursebook.example.org");
        }
        return url;
    }
}
