package com.coursebook.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.coursebook.shared.InvalidRequestException;
import org.passay.DictionaryRule;
import org.passay.LengthRule;
import org.passay.PasswordData;
import org.passay.PasswordValidator;
import org.passay.Rule;
import org.passay.RuleResult;
import org.passay.RuleResultDetail;
import org.passay.dictionary.ArrayWordList;
import org.passay.dictionary.WordListDictionary;
import org.passay.dictionary.sort.ArraysSort;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a new password must be: at least 12 characters, not one of the common passwords shipped in
 * {@code security/common-passwords.txt} (ignoring case), not the login itself, and at most 72 bytes (bcrypt reads no
 * further, so a longer one would silently count only its start). Passay holds the rules: each is a small tested rule
 * with its own error code, and the dictionary lookup is a sorted binary search, so adding rules (history, character
 * classes) later is one line, not another hand-written check.
 */
@Component
public class PasswordPolicy {

    static final int MIN_LENGTH = 12;

    static final int MAX_BYTES = 72;

    private final PasswordValidator validator;

    PasswordPolicy() {
        validator = new PasswordValidator(List.of(new LengthRule(MIN_LENGTH, Integer.MAX_VALUE),
                new DictionaryRule(new WordListDictionary(new ArrayWordList(commonPasswords(), false, new ArraysSort()))),
                new NotTheLogin(), new FitsBcrypt()));
    }

    /**
     * Refuses a password that breaks the policy, naming {@code field} with every reason (as a form error or in the
     * problem details). The password itself is never part of the message.
     */
    public void check(String field, String username, String password) {
        if (password == null || password.isEmpty()) {
            throw new InvalidRequestException(field, "password.required");
        }
        RuleResult result = validator.validate(new PasswordData(username == null ? "" : username, password));
        if (!result.isValid()) {
            throw new PolicyRefused(field, result.getDetails().stream().map(PasswordPolicy::codeOf).distinct().toList());
        }
    }

    private static String codeOf(RuleResultDetail detail) {
        return switch (detail.getErrorCode()) {
            case LengthRule.ERROR_CODE_MIN -> "password.tooShort";
            case DictionaryRule.ERROR_CODE -> "password.common";
            case NotTheLogin.ERROR_CODE -> "password.sameAsUsername";
            case FitsBcrypt.ERROR_CODE -> "password.tooLong";
            default -> "password.weak";
        };
    }

    private static String[] commonPasswords() {
        List<String> words = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("security/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("The list of common passwords is missing from the build", ex);
        }
        return words.stream().distinct().toArray(String[]::new);
    }

    /** Every reason at once, so the person fixes the password in one go. */
    static final class PolicyRefused extends InvalidRequestException {

        private final List<FieldProblem> problems;

        PolicyRefused(String field, List<String> codes) {
            super(field, codes.get(0), MIN_LENGTH);
            this.problems = codes.stream().map(code -> new FieldProblem(field, code, MIN_LENGTH, MAX_BYTES)).toList();
        }

        @Override
        public List<FieldProblem> problems() {
            return problems;
        }
    }

    /** Not the login, in any case: the first thing anyone would try. */
    static final class NotTheLogin implements Rule {

        static final String ERROR_CODE = "SAME_AS_USERNAME";

        @Override
        public RuleResult validate(PasswordData data) {
            boolean same = data.getUsername() != null && data.getPassword().strip().equalsIgnoreCase(data.getUsername());
            return same ? refused(ERROR_CODE) : new RuleResult(true);
        }
    }

    /** bcrypt uses at most 72 bytes of the password (about 36 Cyrillic letters). */
    static final class FitsBcrypt implements Rule {

        static final String ERROR_CODE = "TOO_MANY_BYTES";

        @Override
        public RuleResult validate(PasswordData data) {
            return data.getPassword().getBytes(StandardCharsets.UTF_8).length > MAX_BYTES ? refused(ERROR_CODE)
                    : new RuleResult(true);
        }
    }

    private static RuleResult refused(String code) {
        RuleResult result = new RuleResult(false);
        result.getDetails().add(new RuleResultDetail(code, Map.of()));
        return result;
    }
}
