package com.coursebook.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Both languages say everything: the bundles have the same keys, none empty, and every key a template names. */
class MessageBundlesInSyncTest {

    private static final Path RESOURCES = Path.of("src", "main", "resources");

    @Test
    @DisplayName("the Russian bundle has exactly the keys of the English one")
    void sameKeys() throws IOException {
        Set<String> english = load("messages.properties").stringPropertyNames();
        Set<String> russian = load("messages_ru.properties").stringPropertyNames();
        assertThat(difference(english, russian)).as("keys missing in messages_ru.properties").isEmpty();
        assertThat(difference(russian, english)).as("keys missing in messages.properties").isEmpty();
    }

    @Test
    @DisplayName("no message is empty in either language")
    void noEmptyValues() throws IOException {
        for (String bundle : List.of("messages.properties", "messages_ru.properties")) {
            Properties properties = load(bundle);
            assertThat(properties.stringPropertyNames().stream().filter(k -> properties.getProperty(k).isBlank()))
                    .as("empty messages in " + bundle).isEmpty();
        }
    }

    @Test
    @DisplayName("every message key a template names literally is in the bundles")
    void templatesNameExistingKeys() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Pattern literalKey = Pattern.compile("#\\{([A-Za-z][\\w.-]*)");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher matcher = literalKey.matcher(Files.readString(template));
                while (matcher.find()) {
                    if (!keys.contains(matcher.group(1))) {
                        missing.add(RESOURCES.relativize(template) + ": " + matcher.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(RESOURCES.resolve(name))) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
