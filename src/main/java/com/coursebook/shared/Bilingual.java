package com.coursebook.shared;

import java.util.Locale;

/**
 * Clinic data (catalog names, instructions) is kept in both languages in the database, because admins
 * edit it there; screens pick the one for the reader's language.
 */
public record Bilingual(String en, String ru) {

    public String in(Locale locale) {
        return locale != null && "ru".equals(locale.getLanguage()) && ru != null && !ru.isBlank() ? ru : en;
    }
}
