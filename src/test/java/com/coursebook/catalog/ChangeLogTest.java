package com.coursebook.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeLogTest {

    @Test
    @DisplayName("lists only the fields that changed, old → new, texts quoted")
    void onlyChanges() {
        Map<String, Object> before = state(Severity.RELATIVE, null, "Empty your bladder.", List.of("PROSTATE_MASSAGE"));
        Map<String, Object> after = state(Severity.ABSOLUTE, null, "Empty your bladder first.",
                List.of("HAEMORRHOID_MASSAGE", "PROSTATE_MASSAGE"));

        assertThat(ChangeLog.between(before, after)).isEqualTo("severity: RELATIVE → ABSOLUTE; "
                + "text: \"Empty your bladder.\" → \"Empty your bladder first.\"; "
                + "programs: [PROSTATE_MASSAGE] → [HAEMORRHOID_MASSAGE, PROSTATE_MASSAGE]");
    }

    @Test
    @DisplayName("says nothing when nothing changed")
    void nothing() {
        Map<String, Object> same = state(Severity.RELATIVE, 56, "x", List.of());
        assertThat(ChangeLog.between(same, new LinkedHashMap<>(same))).isEmpty();
    }

    private static Map<String, Object> state(Severity severity, Integer window, String text, List<String> programs) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("severity", severity);
        state.put("windowDays", window);
        state.put("text", text);
        state.put("programs", programs);
        return state;
    }
}
