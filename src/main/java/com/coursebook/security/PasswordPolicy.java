package com.coursebook.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.coursebook.shared.InvalidRequestException;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.matching.match.BruteForceMatch;
import me.gosimple.nbvcxz.matching.match.DateMatch;
import me.gosimple.nbvcxz.matching.match.DictionaryMatch;
import me.gosimple.nbvcxz.matching.match.Match;
import me.gosimple.nbvcxz.matching.match.RepeatMatch;
import me.gosimple.nbvcxz.matching.match.SequenceMatch;
import me.gosimple.nbvcxz.matching.match.SpacialMatch;
import me.gosimple.nbvcxz.matching.match.YearMatch;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import me.gosimple.nbvcxz.scoring.Result;
import org.passay.DictionaryRule;
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
 * What a new password must be: not only spaces, at least 12 characters (characters as people count them: an emoji is
 * one, not two UTF-16 units), not one of the common passwords shipped in {@code security/common-passwords.txt}
 * (ignoring case), not the login itself, at most 72 bytes (bcrypt reads no further, so a longer one would silently
 * count only its start), and not guessable: nbvcxz estimates the guesses an attacker needs (dictionaries of words,
 * names and leaked passwords, repeats, sequences, keyboard rows, dates, leet spelling), with the person's login and
 * display name as words of its own, so {@code demodemodemo}, the login doubled or the login with a year fall short
 * of {@link #MIN_ENTROPY} bits. Passay holds the fixed rules, each with its own error code; the estimate says why a
 * password is guessable, for the message. Demo data sets its passwords directly, not through this policy.
 */
@Component
public class PasswordPolicy {

    static final int MIN_LENGTH = 12;

    static final int MAX_BYTES = 72;

    /**
     * The estimate a password must reach: log2 of the guesses needed. nbvcxz's own default, which a random
     * 12-character password of letters and digits passes easily and a phrase of three common words does not.
     */
    static final double MIN_ENTROPY = ConfigurationBuilder.getDefaultMinimumEntropy();

    /** Parts of a login or name shorter than this are no word to avoid (initials, "of"). */
    private static final int MIN_PERSONAL_WORD = 3;

    /** The name of the dictionary of the person's own words. */
    private static final String PERSON = "person";

    private final PasswordValidator validator;

    PasswordPolicy() {
        validator = new PasswordValidator(List.of(new CharacterCount(MIN_LENGTH),
                new DictionaryRule(new WordListDictionary(new ArrayWordList(commonPasswords(), false, new ArraysSort()))),
                new NotTheLogin(), new FitsBcrypt()));
    }

    /**
     * Refuses a password that breaks the policy, naming {@code field} with every reason (as a form error or in the
     * problem details). The password itself is never part of the message.
     *
     * @param displayName the person's name as shown, whose words the password must not be made of; may be null
     */
    public void check(String field, String username, String displayName, String password) {
        if (password == null || password.isEmpty()) {
            throw new InvalidRequestException(field, "password.required");
        }
        if (password.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            // Only spaces, tabs or no-break spaces: strip() alone misses the no-break ones.
            throw new PolicyRefused(field, List.of("password.blank"));
        }
        RuleResult result = validator.validate(new PasswordData(username == null ? "" : username, password));
        if (!result.isValid()) {
            throw new PolicyRefused(field, result.getDetails().stream().map(PasswordPolicy::codeOf).distinct().toList());
        }
        String guessable = guessable(password, personalWords(username, displayName));
        if (guessable != null) {
            throw new PolicyRefused(field, List.of(guessable));
        }
    }

    private static String codeOf(RuleResultDetail detail) {
        return switch (detail.getErrorCode()) {
            case CharacterCount.ERROR_CODE -> "password.tooShort";
            case DictionaryRule.ERROR_CODE -> "password.common";
            case NotTheLogin.ERROR_CODE -> "password.sameAsUsername";
            case FitsBcrypt.ERROR_CODE -> "password.tooLong";
            default -> "password.weak";
        };
    }

    /**
     * Null when the estimate reaches {@link #MIN_ENTROPY}; otherwise the message code of the reason that cost the
     * most: the person's own login or name first (the first thing anyone would try), then the kind of pattern found.
     * A configuration per check, since the person's words are a dictionary of their own; the shipped dictionaries are
     * loaded once and shared. nbvcxz hands out its own static list of them: it is copied, never added to, or every
     * person's words would stay in it for everyone after.
     */
    static String guessable(String password, Set<String> personalWords) {
        List<Dictionary> dictionaries = new ArrayList<>(ConfigurationBuilder.getDefaultDictionaries());
        if (!personalWords.isEmpty()) {
            DictionaryBuilder person = new DictionaryBuilder().setDictionaryName(PERSON).setExclusion(true);
            personalWords.forEach(word -> person.addWord(word, 0));
            dictionaries.add(person.createDictionary());
        }
        Result result = new Nbvcxz(new ConfigurationBuilder().setDictionaries(dictionaries)
                .setMinimumEntropy(MIN_ENTROPY).createConfiguration()).estimate(password);
        if (result.isMinimumEntropyMet()) {
            return null;
        }
        List<Match> matches = result.getMatches();
        if (matches.stream().anyMatch(m -> m instanceof DictionaryMatch d && PERSON.equals(d.getDictionaryName()))) {
            return "password.likeLogin";
        }
        // The pattern covering most of the password is the one to name.
        Match widest = matches.stream().filter(m -> !(m instanceof BruteForceMatch))
                .max(Comparator.comparingInt(m -> m.getToken().length())).orElse(null);
        if (widest instanceof RepeatMatch) {
            return "password.guessable.repeat";
        }
        if (widest instanceof SequenceMatch) {
            return "password.guessable.sequence";
        }
        if (widest instanceof SpacialMatch) {
            return "password.guessable.keyboard";
        }
        if (widest instanceof DateMatch || widest instanceof YearMatch) {
            return "password.guessable.dates";
        }
        if (widest instanceof DictionaryMatch) {
            return "password.guessable.words";
        }
        return "password.guessable";
    }

    /** The login and the display name, whole, without separators, and each part of three letters or more. */
    static Set<String> personalWords(String username, String displayName) {
        Set<String> words = new LinkedHashSet<>();
        for (String source : new String[] { username, displayName }) {
            if (source == null || source.isBlank()) {
                continue;
            }
            String whole = source.strip().toLowerCase(Locale.ROOT);
            words.add(whole);
            words.add(whole.replaceAll("[^\\p{L}\\p{N}]+", ""));
            Arrays.stream(whole.split("[^\\p{L}\\p{N}]+")).filter(part -> part.length() >= MIN_PERSONAL_WORD)
                    .forEach(words::add);
        }
        words.removeIf(word -> word.length() < MIN_PERSONAL_WORD);
        return words;
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

    /**
     * At least so many characters, counted as code points: Passay's LengthRule counts UTF-16 units, so six emoji
     * (twelve units) passed a 12-character minimum.
     */
    static final class CharacterCount implements Rule {

        static final String ERROR_CODE = "TOO_FEW_CHARACTERS";

        private final int minimum;

        CharacterCount(int minimum) {
            this.minimum = minimum;
        }

        @Override
        public RuleResult validate(PasswordData data) {
            String password = data.getPassword();
            return password.codePointCount(0, password.length()) < minimum ? refused(ERROR_CODE) : new RuleResult(true);
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
