package com.coursebook.platform;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.coursebook.catalog.Contraindication;
import com.coursebook.catalog.Contraindications;
import com.coursebook.catalog.TreatmentProgram;
import com.coursebook.catalog.TreatmentPrograms;
import com.coursebook.security.AppUser;
import com.coursebook.security.AppUsers;
import com.coursebook.shared.Bilingual;
import com.coursebook.shared.Phrase;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.RequestScope;

/**
 * The edge where stored codes become words in the reader's language, for templates ({@code ${@words.program(code)}}):
 * program and condition names from the catalog, staff by their display name instead of their login, and the
 * reasons the application itself stored as {@link Phrase}s. One per request, so a long list costs one query per kind.
 */
@Component("words")
@RequestScope
public class Words {

    private final TreatmentPrograms programs;

    private final Contraindications contraindications;

    private final AppUsers users;

    private final MessageSource messages;

    private Map<String, Bilingual> programNames;

    private Map<String, Bilingual> conditionNames;

    private Map<String, String> staffNames;

    Words(TreatmentPrograms programs, Contraindications contraindications, AppUsers users, MessageSource messages) {
        this.programs = programs;
        this.contraindications = contraindications;
        this.users = users;
        this.messages = messages;
    }

    /** A treatment program's name from the catalog; the code itself only if the catalog has no such program. */
    public String program(String code) {
        if (programNames == null) {
            programNames = programs.findAll().stream()
                    .collect(Collectors.toMap(TreatmentProgram::getCode, TreatmentProgram::getName));
        }
        Bilingual name = programNames.get(code);
        return name == null ? code : name.in(locale());
    }

    /** A contraindication's name from the catalog. */
    public String condition(String code) {
        if (conditionNames == null) {
            conditionNames = contraindications.findAll().stream()
                    .collect(Collectors.toMap(Contraindication::getCode, Contraindication::getName));
        }
        Bilingual name = conditionNames.get(code);
        return name == null ? code : name.in(locale());
    }

    /** Who did something, by the name staff know them by; a login nobody has (system, a deleted user) as it is. */
    public String staff(String login) {
        if (login == null) {
            return null;
        }
        if (staffNames == null) {
            staffNames = new HashMap<>();
            for (AppUser user : users.findAll()) {
                staffNames.put(user.getUsername(), user.getDisplayName());
            }
        }
        return staffNames.getOrDefault(login, login);
    }

    /** A reason as stored: the application's own phrases in the reader's language, a person's text as typed. */
    public String said(String stored) {
        return Phrase.render(stored, this::say);
    }

    /** What a clinician's override confirms (RULE or RULE:CONDITION): the rule and the condition, in words. */
    public String override(String key) {
        if (key == null) {
            return null;
        }
        int colon = key.indexOf(':');
        String rule = colon < 0 ? key : key.substring(0, colon);
        String ruleWords = messages.getMessage("rule." + rule, null, rule, locale());
        return colon < 0 ? ruleWords : ruleWords + ": " + condition(key.substring(colon + 1));
    }

    /**
     * A code (an audit line's action, what it concerns) in words: the first of {@code prefixes} + code the bundles
     * have; the code itself when none has it, so a line written by a newer version is still shown.
     */
    public String term(String code, String... prefixes) {
        if (code == null) {
            return null;
        }
        for (String prefix : prefixes) {
            String words = messages.getMessage(prefix + code, null, null, locale());
            if (words != null) {
                return words;
            }
        }
        return code;
    }

    private String say(Phrase phrase) {
        List<String> arguments = phrase.arguments();
        return messages.getMessage(phrase.code(), arguments.toArray(), phrase.stored(), locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
