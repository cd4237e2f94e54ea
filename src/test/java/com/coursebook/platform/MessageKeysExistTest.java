package com.coursebook.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.coursebook.platform.backup.Backups;
import com.coursebook.catalog.EligibleSex;
import com.coursebook.catalog.Severity;
import com.coursebook.catalog.Specialty;
import com.coursebook.catalog.Temporality;
import com.coursebook.course.CourseAct;
import com.coursebook.course.CourseStatus;
import com.coursebook.course.Decision;
import com.coursebook.course.SessionStatus;
import com.coursebook.notes.Intensity;
import com.coursebook.notes.NoteContent;
import com.coursebook.notes.NoteFields;
import com.coursebook.notes.Position;
import com.coursebook.notes.Route;
import com.coursebook.notes.Trend;
import com.coursebook.review.Outcome;
import com.coursebook.rules.FindingSeverity;
import com.coursebook.security.Role;
import com.coursebook.shared.Sex;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message key the application can ask for exists in both bundles: a missing key is not a raw code on the screen
 * but an exception in the middle of a template (the page ends where the key was). Keys written out in Java and in the
 * templates are read from the sources; keys built at run time ({@code "note." + field + ".required"},
 * {@code #{'sex.' + ${p.sex}}}) are found in the sources too, and each way of building one must be declared below with
 * the values it is built from (enums, the fields a note can be refused for), so a new one cannot slip by.
 */
class MessageKeysExistTest {

    private static final Path RESOURCES = Path.of("src", "main", "resources");

    private static final Path JAVA = Path.of("src", "main", "java");

    /** A key built at run time, as {@code prefix{}suffix}, with every value that can stand in for {@code {}}. */
    private static Map<String, Supplier<List<String>>> builtKeys() {
        Map<String, Supplier<List<String>>> built = new LinkedHashMap<>();
        // Java
        built.put("problem.slotTaken.detail.{}", () -> names(Decision.Whose.values(), "null"));
        built.put("finding.slotTaken.{}", () -> names(Decision.Whose.values()));
        built.put("finding.eligibility.{}", () -> names(EligibleSex.values()));
        built.put("course.stopReason.{}", () -> DemoData.STOP_REASONS);
        built.put("rule.{}", MessageKeysExistTest::ruleIds);
        built.put("note.{}.required", MessageKeysExistTest::noteFieldsRequiredForSigning);
        built.put("note.{}.notApplicable", MessageKeysExistTest::noteFieldsNotApplicable);
        built.put("session.recorded.{}", () -> List.of(SessionStatus.ATTENDED.name(), SessionStatus.NO_SHOW.name()));
        // templates
        built.put("specialty.{}", () -> names(Specialty.values()));
        built.put("day.{}", () -> names(DayOfWeek.values()));
        built.put("sessionStatus.{}", () -> names(SessionStatus.values()));
        built.put("review.session.{}", () -> names(SessionStatus.values()));
        built.put("scheduling.{}.title", () -> List.of("hours", "breaks"));
        built.put("scheduling.{}.none", () -> List.of("hours", "breaks"));
        built.put("role.{}", () -> names(Role.values()));
        built.put("review.status.{}", () -> names(CourseStatus.values()));
        built.put("courseStatus.{}", () -> names(CourseStatus.values()));
        built.put("review.outcome.{}", () -> names(Outcome.values()));
        built.put("temporality.{}", () -> names(Temporality.values()));
        built.put("staff.language.{}", () -> List.of("en", "ru", "browser"));
        built.put("sex.{}", () -> names(Sex.values()));
        built.put("severity.{}", () -> names(Severity.values()));
        built.put("catalog.severity.{}.hint", () -> names(Severity.values()));
        built.put("eligibleSex.{}", () -> names(EligibleSex.values()));
        built.put("findingSeverity.{}", () -> names(FindingSeverity.values()));
        built.put("planState.{}", () -> names(Decision.Verdict.values()));
        built.put("note.trend.{}", () -> names(Trend.values()));
        built.put("note.route.{}", () -> names(Route.values()));
        built.put("note.position.{}", () -> names(Position.values()));
        built.put("note.intensity.{}", () -> names(Intensity.values()));
        built.put("courseAct.{}", MessageKeysExistTest::historicCourseActs);
        built.put("session.attention.{}", () -> List.of("PRACTITIONER_ABSENT", "CLINIC_CLOSED", "NEEDS_CONFIRMATION"));
        built.put("session.cancel.confirm.{}", () -> List.of("patient", "clinic"));
        built.put("audit.verify.broken.{}",
                () -> List.of("content", "link", "missing", "end", "anchor", "truncated", "seal", "anchorFile"));
        built.put("backup.outcome.{}", () -> names(Backups.Outcome.values()));
        built.put("backup.trigger.{}", () -> names(Backups.Trigger.values()));
        return built;
    }

    @Test
    @DisplayName("every key written out in Java (codes, flash messages, validation messages) is in both bundles")
    void javaKeysExist() throws IOException {
        Set<String> prefixes = firstSegments();
        Pattern literal = Pattern.compile("\"\\{?([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9_]+)+)}?\"(?!\\s*\\+)");
        List<String> missing = new ArrayList<>();
        for (Path source : files(JAVA, ".java")) {
            Matcher matcher = literal.matcher(Files.readString(source));
            while (matcher.find()) {
                String key = matcher.group(1);
                if (prefixes.contains(key.substring(0, key.indexOf('.'))) && !LOOK_LIKE_KEYS_BUT_ARE_NOT.contains(key)) {
                    missing.addAll(missingIn(key, JAVA.relativize(source).toString()));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    @DisplayName("every key a template names, literally or built from a value, is in both bundles")
    void templateKeysExist() throws IOException {
        Pattern literal = Pattern.compile("#\\{([A-Za-z][\\w.-]*)");
        List<String> missing = new ArrayList<>();
        for (Path template : files(RESOURCES.resolve("templates"), ".html")) {
            Matcher matcher = literal.matcher(Files.readString(template));
            while (matcher.find()) {
                missing.addAll(missingIn(matcher.group(1), RESOURCES.relativize(template).toString()));
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    @DisplayName("every way a key is built at run time is declared with its values, and each such key is in both bundles")
    void builtKeysExist() throws IOException {
        Map<String, Supplier<List<String>>> built = builtKeys();
        Set<String> found = new TreeSet<>();
        // "note." + field + ".required" in Java; '#{'sex.' + ${p.sex}}' or ${'audit.verify.broken.' + v.problem} in templates
        Pattern java = Pattern.compile("\"([a-z][\\w.]*\\.)\"\\s*\\+\\s*[\\w.()]+(?:\\s*\\+\\s*\"(\\.[\\w.]+)\")?");
        Pattern template = Pattern.compile("'([a-z][\\w.]*\\.)'\\s*\\+\\s*\\$?\\{?[\\w.]+}?(?:\\s*\\+\\s*'(\\.[\\w.]+)')?");
        for (Path source : files(JAVA, ".java")) {
            collect(java.matcher(Files.readString(source)), found);
        }
        for (Path source : files(RESOURCES.resolve("templates"), ".html")) {
            collect(template.matcher(Files.readString(source)), found);
        }
        found.removeIf(pattern -> !firstSegments().contains(pattern.substring(0, pattern.indexOf('.'))));
        assertThat(found).as("keys built at run time without their values declared in this test")
                .isSubsetOf(built.keySet());
        List<String> missing = new ArrayList<>();
        built.forEach((pattern, values) -> values.get()
                .forEach(value -> missing.addAll(missingIn(pattern.replace("{}", value), "built as " + pattern))));
        assertThat(missing).isEmpty();
    }

    /** Literals of the key's shape that name something else (a property, a file). */
    private static final Set<String> LOOK_LIKE_KEYS_BUT_ARE_NOT = Set.of();

    private static void collect(Matcher matcher, Set<String> found) {
        while (matcher.find()) {
            found.add(matcher.group(1) + "{}" + (matcher.group(2) == null ? "" : matcher.group(2)));
        }
    }

    private static List<String> missingIn(String key, String where) {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Properties> bundle : BUNDLES.entrySet()) {
            if (!bundle.getValue().containsKey(key)) {
                missing.add(where + ": " + key + " not in " + bundle.getKey());
            }
        }
        return missing;
    }

    private static final Map<String, Properties> BUNDLES = Map.of("messages.properties", load("messages.properties"),
            "messages_ru.properties", load("messages_ru.properties"));

    /** The first segments of the bundle's keys: a literal "note.x" may be a key, "com.coursebook" is not. */
    private static Set<String> firstSegments() {
        Set<String> segments = new TreeSet<>();
        for (String key : BUNDLES.get("messages.properties").stringPropertyNames()) {
            segments.add(key.contains(".") ? key.substring(0, key.indexOf('.')) : key);
        }
        segments.removeAll(Set.of("com", "spring", "server", "java", "jakarta", "org"));
        return segments;
    }

    private static List<String> noteFieldsRequiredForSigning() {
        NoteContent empty = new NoteContent(null, null, null, null, null, null, null, null, null, true, null, true, null,
                null, null);
        return new NoteFields(true, true).missingForSigning(empty);
    }

    private static List<String> noteFieldsNotApplicable() {
        NoteContent full = new NoteContent(1, Position.SUPINE, Route.values()[0], "t", Intensity.values()[0], "t", 0, 0,
                "f", true, "l", false, null, Trend.values()[0], null);
        return new NoteFields(false, false).notApplicable(full);
    }

    /** The rules' ids, as their classes name them (the findings and overrides say "rule." + id). */
    private static List<String> ruleIds() {
        Pattern constant = Pattern.compile("static final String \\w+ = \"([A-Z][A-Z_]+)\";");
        List<String> ids = new ArrayList<>();
        try {
            for (Path source : Stream.concat(files(JAVA.resolve("com/coursebook/rules"), ".java").stream(),
                    Stream.of(JAVA.resolve("com/coursebook/course/BookingPolicy.java"))).toList()) {
                Matcher matcher = constant.matcher(Files.readString(source));
                while (matcher.find()) {
                    ids.add(matcher.group(1));
                }
            }
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        return ids;
    }

    /** Every act a course's history shows, made once per kind (a resize both ways). */
    private static List<String> historicCourseActs() {
        List<String> acts = new ArrayList<>();
        for (Class<?> kind : CourseAct.class.getPermittedSubclasses()) {
            for (int to : new int[] { 0, 2 }) {
                CourseAct act = instance(kind, to);
                if (act.historic()) {
                    acts.add(act.act());
                }
            }
        }
        return acts;
    }

    private static CourseAct instance(Class<?> kind, int number) {
        RecordComponent[] components = kind.getRecordComponents();
        Object[] arguments = Arrays.stream(components).map(c -> c.getType() == int.class ? (Object) number : null)
                .toArray();
        if (arguments.length > 1 && components[components.length - 2].getType() == int.class) {
            arguments[components.length - 2] = 1; // from 1 to 0 or 2
        }
        try {
            var constructor = kind.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                    .toArray(Class[]::new));
            constructor.setAccessible(true);
            return (CourseAct) constructor.newInstance(arguments);
        }
        catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static List<String> names(Enum<?>[] values, String... more) {
        List<String> names = new ArrayList<>(Arrays.stream(values).map(Enum::name).toList());
        names.addAll(List.of(more));
        return names;
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static Properties load(String name) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(RESOURCES.resolve(name))) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        return properties;
    }
}
