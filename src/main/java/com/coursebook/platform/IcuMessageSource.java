package com.coursebook.platform;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The bundles' texts formatted as ICU message formats, so a count is said with the right plural form in each
 * language ({@code {0, plural, one{# course} other{# courses}}}; Russian with one, few and many). The JDK's
 * MessageFormat behind Spring's own sources knows only "choice", which cannot say Russian plurals. Everything
 * else is as before: {@code {0}} arguments, {@code ''} for an apostrophe, codes tried in order, arguments that are
 * themselves messages (a field's name) said first. A pattern with named arguments ({@code {max}}) is left for Bean
 * Validation, which fills them in after this source has given the text.
 */
public class IcuMessageSource implements MessageSource {

    private final ResourceBundleMessageSource texts = new ResourceBundleMessageSource();

    private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();

    public IcuMessageSource(String basename) {
        texts.setBasename(basename);
        texts.setDefaultEncoding("UTF-8");
        texts.setFallbackToSystemLocale(false);
        texts.setAlwaysUseMessageFormat(false); // the raw text: this source formats it
    }

    @Override
    public String getMessage(String code, Object[] args, String defaultMessage, Locale locale) {
        String pattern = text(code, locale);
        if (pattern == null) {
            return defaultMessage == null ? null : format(defaultMessage, args, locale);
        }
        return format(pattern, args, locale);
    }

    @Override
    public String getMessage(String code, Object[] args, Locale locale) {
        String message = getMessage(code, args, null, locale);
        if (message == null) {
            throw new NoSuchMessageException(code, locale);
        }
        return message;
    }

    @Override
    public String getMessage(MessageSourceResolvable resolvable, Locale locale) {
        String[] codes = resolvable.getCodes();
        if (codes != null) {
            for (String code : codes) {
                String pattern = text(code, locale);
                if (pattern != null) {
                    return format(pattern, resolvable.getArguments(), locale);
                }
            }
        }
        String fallback = resolvable.getDefaultMessage();
        if (fallback != null) {
            // Bean Validation's message, already filled in, is formatted only when it still has {0}-style arguments
            boolean render = !(resolvable instanceof DefaultMessageSourceResolvable d) || d.shouldRenderDefaultMessage();
            return render ? format(fallback, resolvable.getArguments(), locale) : fallback;
        }
        throw new NoSuchMessageException(codes == null || codes.length == 0 ? "" : codes[codes.length - 1], locale);
    }

    /** The raw text of a code, or null when the bundles have none. */
    String text(String code, Locale locale) {
        return code == null ? null : texts.getMessage(code, null, null, locale);
    }

    String format(String pattern, Object[] args, Locale locale) {
        MessageFormat format = formats.computeIfAbsent(locale.toLanguageTag() + '\u0000' + pattern,
                key -> new MessageFormat(pattern, ULocale.forLocale(locale)));
        synchronized (format) { // ICU's MessageFormat is not thread-safe
            if (format.usesNamedArguments()) {
                return format.format(Map.of());
            }
            return format.format(counted(pattern, resolved(args, locale)));
        }
    }

    /** The arguments a pattern counts with ({0, plural, …}, {0, number}, {0, choice, …}). */
    private static final java.util.regex.Pattern COUNTED = java.util.regex.Pattern
            .compile("\\{\\s*(\\d+)\\s*,\\s*(?:plural|selectordinal|number|choice)\\b");

    /**
     * A count kept as text (a stored phrase's arguments are text: "3 no-shows in a row") is a number where the pattern
     * counts with it; anywhere else text stays text (a record number is not grouped as 1,041).
     */
    private static Object[] counted(String pattern, Object[] args) {
        java.util.regex.Matcher matcher = COUNTED.matcher(pattern);
        while (matcher.find()) {
            int index = Integer.parseInt(matcher.group(1));
            if (index < args.length && args[index] instanceof String text && text.strip().matches("-?\\d{1,18}")) {
                args[index] = Long.parseLong(text.strip());
            }
        }
        return args;
    }

    private Object[] resolved(Object[] args, Locale locale) {
        if (args == null) {
            return new Object[0];
        }
        Object[] resolved = args.clone();
        for (int i = 0; i < resolved.length; i++) {
            if (resolved[i] instanceof MessageSourceResolvable argument) {
                resolved[i] = getMessage(argument, locale);
            }
            else if (resolved[i] instanceof java.time.temporal.TemporalAccessor time) {
                resolved[i] = time.toString(); // as the JDK's format said it (ISO); ICU would say it in the locale's style
            }
        }
        return resolved;
    }
}
