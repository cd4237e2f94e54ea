package com.coursebook.review;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.coursebook.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Every link on the admin's dashboard leads somewhere real, and every export holds what its page shows. */
@IntegrationTest
class ReviewLinksTest {

    private static final Pattern LINK = Pattern.compile("<a [^>]*href=\"(/review[^\"]*)\"[^>]*>\\s*(?:<span[^>]*>)?([^<]*)");

    private static final Pattern ROW = Pattern.compile("<tr>\\s*<td><a href=\"/review/courses/\\d+\"");

    @Autowired
    MockMvc mvc;

    @Test
    @DisplayName("every drill-down on the demo year's dashboard opens with as many courses as its number says, "
            + "and each drill-down's CSV holds the same courses, in English and in Russian")
    void everyLinkLeadsToItsCourses() throws Exception {
        for (Locale locale : List.of(Locale.US, Locale.forLanguageTag("ru"))) {
            String dashboard = page("/review", locale);
            List<String[]> links = links(dashboard);
            assertThat(links).as("drill-down links").hasSizeGreaterThan(40);
            int drillDowns = 0;
            for (String[] link : links) {
                String href = link[0];
                if (href.startsWith("/review/export/")) {
                    assertThat(mvc.perform(get(java.net.URI.create(href)).with(admin()).locale(locale)).andReturn().getResponse().getStatus())
                            .as(href).isEqualTo(200);
                    continue;
                }
                if (!href.startsWith("/review/courses?")) {
                    continue;
                }
                drillDowns++;
                String courses = page(href, locale);
                int rows = count(ROW, courses);
                if (link[1].trim().matches("\\d+")) {
                    assertThat(rows).as("courses behind %s (the dashboard says %s)", href, link[1].trim())
                            .isEqualTo(Integer.parseInt(link[1].trim()));
                }
                String export = links(courses).stream().map(l -> l[0])
                        .filter(h -> h.startsWith("/review/courses/export?")).findFirst().orElseThrow();
                String csv = mvc.perform(get(java.net.URI.create(export)).with(admin()).locale(locale)).andReturn().getResponse()
                        .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
                assertThat(csv.lines().count() - 1).as("rows of %s (its page %s shows %d)", export, href, rows)
                        .isEqualTo(rows);
            }
            assertThat(drillDowns).isGreaterThan(40);
        }
    }

    private String page(String href, Locale locale) throws Exception {
        var response = mvc.perform(get(java.net.URI.create(href)).with(admin()).locale(locale)).andReturn().getResponse();
        assertThat(response.getStatus()).as(href).isEqualTo(200);
        return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Each link as its address (unescaped, as a browser would follow it) and its text. */
    private static List<String[]> links(String html) {
        List<String[]> links = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Matcher m = LINK.matcher(html);
        while (m.find()) {
            String href = HtmlUtils.htmlUnescape(m.group(1));
            if (seen.add(href + "|" + m.group(2))) {
                links.add(new String[] { href, m.group(2) });
            }
        }
        return links;
    }

    private static int count(Pattern pattern, String html) {
        Matcher m = pattern.matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
        return user("admin").roles("ADMIN");
    }
}
