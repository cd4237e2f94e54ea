package com.coursebook.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Something the application itself says about a record (why a course ended, why it is held), kept as a message
 * code with its arguments so each reader gets it in their own language. Stored in a text column as
 * {@code msg:code|arg|arg}; several phrases one to a line. Text a person typed is stored as typed and is not a phrase.
 */
public record Phrase(String code, List<String> arguments) {

    private static final String MARK = "msg:";

    public Phrase {
        if (code == null || !code.matches("[A-Za-z][\\w.]*")) {
            throw new IllegalArgumentException("not a message code: " + code);
        }
        arguments = List.copyOf(arguments);
    }

    public static Phrase of(String code, Object... arguments) {
        return new Phrase(code, Arrays.stream(arguments).map(String::valueOf).toList());
    }

    /** The stored form of one or more phrases. */
    public static String store(List<Phrase> phrases) {
        return String.join("\n", phrases.stream().map(Phrase::stored).toList());
    }

    public String stored() {
        StringBuilder out = new StringBuilder(MARK).append(code);
        for (String argument : arguments) {
            out.append('|').append(argument.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " "));
        }
        return out.toString();
    }

    /** A stored text in words: each phrase said by {@code say}, joined; a person's text as typed. */
    public static String render(String stored, java.util.function.Function<Phrase, String> say) {
        return parse(stored).map(phrases -> String.join("; ", phrases.stream().map(say).toList())).orElse(stored);
    }

    /** The phrases in a stored text, or empty when a person typed it. */
    public static Optional<List<Phrase>> parse(String stored) {
        if (stored == null || !stored.startsWith(MARK)) {
            return Optional.empty();
        }
        List<Phrase> phrases = new ArrayList<>();
        for (String line : stored.split("\n")) {
            if (!line.startsWith(MARK)) {
                return Optional.empty();
            }
            List<String> parts = split(line.substring(MARK.length()));
            String code = parts.get(0);
            if (!code.matches("[A-Za-z][\\w.]*")) {
                return Optional.empty();
            }
            phrases.add(new Phrase(code, parts.subList(1, parts.size())));
        }
        return Optional.of(phrases);
    }

    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                part.append(text.charAt(++i));
            }
            else if (c == '|') {
                parts.add(part.toString());
                part.setLength(0);
            }
            else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }
}
