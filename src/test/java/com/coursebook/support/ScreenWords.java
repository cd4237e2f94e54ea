package com.coursebook.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a page must not show a person in either language: a placeholder, a code, an enum's name or a missing
 * message. One judge for the rendered screens (MockMvc) and the browser journeys alike.
 */
public final class ScreenWords {

    /** A message argument left unfilled: {0}, {1}. */
    public static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    /** A code where a word belongs: two or more upper-case words joined by underscores (PROSTATE_MASSAGE). */
    public static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");

    /** A status or act shown as the enum's name: one upper-case word of five letters or more (STARTED). */
    public static final Pattern SHOUTED_WORD = Pattern.compile("\\b[A-Z]{5,}\\b");

    /** Thymeleaf's rendering of a key missing from the bundle: ??key_ru??. */
    public static final Pattern MISSING_MESSAGE = Pattern.compile("\\?\\?[^?\\s]+\\?\\?");

    /** A reason the application stored as a phrase, shown as stored instead of in words: msg:course.stopReason.x. */
    public static final Pattern RAW_PHRASE = Pattern.compile("\\bmsg:[A-Za-z][\\w.]*");

    /** A missing value said as "null" (until null). */
    public static final Pattern NULL = Pattern.compile("\\bnull\\b");

    private ScreenWords() {
    }

    /** What is wrong with the words a person reads on the page (text and the labels read aloud). */
    public static List<String> faults(String where, String html) {
        String visible = visibleText(html);
        List<String> faults = new ArrayList<>();
        for (Pattern pattern : List.of(PLACEHOLDER, CODE, SHOUTED_WORD, MISSING_MESSAGE, RAW_PHRASE, NULL)) {
            Matcher matcher = pattern.matcher(visible);
            while (matcher.find()) {
                int from = Math.max(0, matcher.start() - 40);
                int to = Math.min(visible.length(), matcher.end() + 40);
                faults.add(where + ": \"" + matcher.group() + "\" in \"…" + visible.substring(from, to).strip() + "…\"");
            }
        }
        return faults;
    }

    /**
     * The page's text without scripts, styles, tags and {@code <code>} elements (codes shown on purpose, as in
     * the catalog), plus the attributes that are read or shown: aria-label, title, placeholder, alt.
     */
    public static String visibleText(String html) {
        String body = html.replaceAll("(?is)<script\\b.*?</script>", " ").replaceAll("(?is)<style\\b.*?</style>", " ")
                .replaceAll("(?is)<code\\b.*?</code>", " ");
        StringBuilder attributes = new StringBuilder();
        Matcher read = Pattern.compile("(?i)\\b(?:aria-label|title|placeholder|alt)=\"([^\"]*)\"").matcher(body);
        while (read.find()) {
            attributes.append(' ').append(read.group(1));
        }
        String text = body.replaceAll("(?s)<[^>]*>", " ") + attributes;
        return text.replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&").replaceAll("\\s+", " ");
    }
}
