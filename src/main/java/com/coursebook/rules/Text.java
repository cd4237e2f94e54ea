package com.coursebook.rules;

import java.util.Arrays;

/**
 * A message to show, as a bundle code with arguments, so staff read it in their own language. Arguments
 * may be dates, numbers or {@link com.coursebook.shared.Bilingual} catalog names.
 */
public record Text(String code, Object... arguments) {

    @Override
    public boolean equals(Object other) {
        return other instanceof Text text && code.equals(text.code) && Arrays.equals(arguments, text.arguments);
    }

    @Override
    public int hashCode() {
        return code.hashCode() * 31 + Arrays.hashCode(arguments);
    }

    @Override
    public String toString() {
        return code + Arrays.toString(arguments);
    }
}
