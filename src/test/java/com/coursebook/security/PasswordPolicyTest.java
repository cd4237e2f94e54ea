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
        assertThatCode(() -> policy.check("newPassword", "nurse", "Xk9#mq2!pL4z")).doesNotThrowAnyException();
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
    @DisplayName("the login itself is refused, in any case; the login inside a longer password is not")
    void notTheLogin() {
        assertThat(codes("p", "maria.ivanova", "Maria.Ivanova")).containsExactly("password.sameAsUsername");
        assertThatCode(() -> policy.check("p", "maria.ivanova", "maria.ivanova walks the dog"))
                .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("more than bcrypt's 72 bytes is refused (36 Cyrillic letters are 72 bytes; 37 are too many)")
    void fitsBcrypt() {
        assertThatCode(() -> policy.check("p", "nurse", "ж".repeat(36))).doesNotThrowAnyException();
        assertThat(codes("p", "nurse", "ж".repeat(37))).containsExactly("password.tooLong");
    }

    @Test
    @DisplayName("an empty password is asked for")
    void empty() {
        assertThat(codes("temporaryPassword", "nurse", "")).containsExactly("password.required");
        assertThat(codes("temporaryPassword", "nurse", null)).containsExactly("password.required");
    }

    private java.util.List<String> codes(String field, String username, String password) {
        return refusal(field, username, password).problems().stream().map(FieldProblem::messageCode).toList();
    }

    private InvalidRequestException refusal(String field, String username, String password) {
        InvalidRequestException refusal = catchThrowableOfType(InvalidRequestException.class,
                () -> policy.check(field, username, password));
        assertThat(refusal).as("refused").isNotNull();
        assertThat(refusal.problems()).allMatch(p -> p.field().equals(field));
        return refusal;
    }
}
