package com.coursebook.shared;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhraseTest {

    @Test
    @DisplayName("phrases come back from their stored form with their arguments, bars and backslashes included")
    void roundTrip() {
        List<Phrase> phrases = List.of(Phrase.of("note.review.painAfter", 6, 3),
                Phrase.of("note.review.adverseEvent", 2, "Dizzy | pale \\ sweating"), Phrase.of("course.reviewNote.goesOn"));
        String stored = Phrase.store(phrases);
        assertThat(stored).startsWith("msg:note.review.painAfter|6|3\n");
        assertThat(Phrase.parse(stored)).contains(phrases);
    }

    @Test
    @DisplayName("text a person typed is not a phrase and is shown as typed")
    void typedText() {
        assertThat(Phrase.parse("Moved to another city")).isEmpty();
        assertThat(Phrase.parse(null)).isEmpty();
        assertThat(Phrase.render("Moved to another city", p -> "never")).isEqualTo("Moved to another city");
        assertThat(Phrase.render("msg:a.b|1\nmsg:c.d", p -> p.code() + p.arguments())).isEqualTo("a.b[1]; c.d[]");
    }
}
