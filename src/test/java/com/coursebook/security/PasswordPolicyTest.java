package com.coursebook.security;

import com.coursebook.shared.InvalidRequestException;
import com.coursebook.shared.InvalidRequestException.FieldProblem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The password policy on its own: each rule refuses with its own code, naming the field, and good ones pass. */
class PasswordPolicyTest {

    final PasswordPolicy policy = new PasswordPolicy();

    @Test
    @DisplayName("fewer than 12 characters is refused, with the minimum as the argument")
    void tooShort() {
        assertThat(codes("newPassword", "nurse", "Xk9#mq2!pL4")).containsExactly("password.tooShort");
        FieldProblem problem = refusal("newPassword", "nurse", "Xk9#mq2!pL4").problems().get(0);
        assertThat(problem.field()).isEqualTo("newPassword");
        assertThat(problem.arguments()[0]).isEqualTo(12);
        assertThatCode(() -> policy.check("newPassword", "nurse", null, "Xk9#mq2!pL4z")).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("length counts characters, not UTF-16 units: six emoji are six characters, too short")
    void lengthInCharacters() {
        assertThat(codes("p", "nurse", "\uD83D\uDE00\uD83C\uDF89\uD83D\uDC31\uD83D\uDE80\uD83C\uDF08\uD83C\uDF55"))
                .contains("password.tooShort");
        assertThat(codes("p", "nurse", "\uD83D\uDE00".repeat(6))).contains("password.tooShort");
    }

    @Test
    @DisplayName("only spaces is no password")
    void blank() {
        assertThat(codes("p", "nurse", " ".repeat(12))).containsExactly("password.blank");
        assertThat(codes("p", "nurse", "\t \u00A0".repeat(5))).containsExactly("password.blank");
    }

    @Test
    @DisplayName("a guessable password is refused with the reason the strength estimator found: repeats, sequences, "
            + "keyboard rows, words and dates")
    void guessable() {
        assertThat(codes("p", "nurse", "demodemodemo")).containsExactly("password.guessable.repeat");
        assertThat(codes("p", "nurse", "klmnopqrstuvwx")).containsExactly("password.guessable.sequence");
        assertThat(codes("p", "nurse", "mnbvcxzlkjhgfds")).containsExactly("password.guessable.keyboard");
        assertThat(codes("p", "nurse", "new-Passw0rd-2026")).containsExactly("password.guessable.words");
        assertThat(codes("p", "nurse", "14.02.1987/2026")).containsExactly("password.guessable.dates");
        assertThatCode(() -> policy.check("p", "nurse", null, "Sunny-meadow-42-walk")).doesNotThrowAnyException();
        assertThatCode(() -> policy.check("p", "nurse", null, "Кислое-яблоко-7-зонтов")).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("variants of the login and the display name are refused: doubled, with digits or a year, joined")
    void likeTheLoginOrName() {
        assertThat(codes("p", "t_fix_", "t_fix_t_fix_")).containsExactly("password.likeLogin");
        assertThat(codes("p", "t_fix_", "t_fix_123456")).containsExactly("password.likeLogin");
        assertThat(codes("p", "t_fix_", "T_FIX_20261207")).containsExactly("password.likeLogin");
        assertThat(codes("p", "maria.ivanova", "Maria Ivanova", "MariaIvanova!!")).containsExactly("password.likeLogin");
        assertThat(codes("p", "mi", "Maria Ivanova", "ivanova.maria.1987")).containsExactly("password.likeLogin");
    }

    @Test
    @DisplayName("a common password from the shipped list is refused whatever its case; a long one too")
    void common() {
        assertThat(codes("p", "nurse", "password1234")).containsExactly("password.common");
        assertThat(codes("p", "nurse", "Password1234")).containsExactly("password.common");
        assertThat(codes("p", "nurse", "QWERTYUIOP12")).containsExactly("password.common");
        assertThat(codes("p", "nurse", "iloveyou2024")).containsExactly("password.common");
        assertThat(codes("p", "nurse", "qwerty")).containsExactlyInAnyOrder("password.tooShort", "password.common");
    }

    @Test
    @DisplayName("one person's words are theirs alone: checking another's password afterwards does not avoid them")
    void personalWordsStayWithTheirPerson() {
        assertThat(codes("p", "kvaxmir", "Kvaxmir Zelt", "kvaxmir-zelt-77")).containsExactly("password.likeLogin");
        assertThatCode(() -> policy.check("p", "nurse", null, "kvaxmir-zelt-77")).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("the login itself is refused, in any case; the login inside a longer, strong password is not")
    void notTheLogin() {
        assertThat(codes("p", "maria.ivanova", "Maria.Ivanova")).contains("password.sameAsUsername");
        assertThatCode(() -> policy.check("p", "maria.ivanova", null, "maria.ivanova walks the dog"))
                .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("more than bcrypt's 72 bytes is refused (36 Cyrillic letters are 72 bytes; 37 are too many)")
    void fitsBcrypt() {
        String letters36 = "Съешь же ещё этих мягких французских булок".replace(" ", "").substring(0, 36);
        assertThatCode(() -> policy.check("p", "nurse", null, letters36)).doesNotThrowAnyException();
        assertThat(codes("p", "nurse", letters36 + "ж")).containsExactly("password.tooLong");
    }

    @Test
    @DisplayName("an empty password is asked for")
    void empty() {
        assertThat(codes("temporaryPassword", "nurse", "")).containsExactly("password.required");
        assertThat(codes("temporaryPassword", "nurse", null)).containsExactly("password.required");
    }

    private java.util.List<String> codes(String field, String username, String password) {
        return codes(field, username, null, password);
    }

    private java.util.List<String> codes(String field, String username, String displayName, String password) {
        return refusal(field, username, displayName, password).problems().stream().map(FieldProblem::messageCode)
                .toList();
    }

    private InvalidRequestException refusal(String field, String username, String password) {
        return refusal(field, username, null, password);
    }

    private InvalidRequestException refusal(String field, String username, String displayName, String password) {
        InvalidRequestException refusal = catchThrowableOfType(InvalidRequestException.class,
                () -> policy.check(field, username, displayName, password));
        assertThat(refusal).as("refused").isNotNull();
        assertThat(refusal.problems()).allMatch(p -> p.field().equals(field));
        return refusal;
    }
}
