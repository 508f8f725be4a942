package dev.ksefplatform.console.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.console.person.domain.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every text a page or the console's code asks for is in Polish and in English, and the two bundles match. */
class MessageBundlesTest {

    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.-]+)[}(]");
    private static final Pattern TEMPLATE_MSG = Pattern.compile("#messages\\.msg(?:OrNull)?\\('([A-Za-z0-9_.-]+)'\\)");
    private static final Pattern JAVA_LITERAL = Pattern.compile("\"([a-z][a-z0-9-]*(?:\\.[A-Za-z0-9-]+)+)\"");
    private static final Pattern ARGUMENT = Pattern.compile("\\{\\d");

    private final Properties polish = bundle("i18n/messages.properties");
    private final Properties english = bundle("i18n/messages_en.properties");
    /** The pages' own bundles (the inbox's, the operators' health page's): a template may use their keys too. */
    private static final List<String> PAGE_BUNDLES = List.of("inbox", "operator");
    private final List<Properties> pagesPolish = PAGE_BUNDLES.stream().map(b -> bundle("i18n/" + b + ".properties")).toList();
    private final List<Properties> pagesEnglish = PAGE_BUNDLES.stream().map(b -> bundle("i18n/" + b + "_en.properties")).toList();

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(polish).as("the Polish bundle").isNotEmpty();
        assertThat(english.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(polish.stringPropertyNames());
        for (int i = 0; i < PAGE_BUNDLES.size(); i++) {
            assertThat(pagesPolish.get(i)).as(PAGE_BUNDLES.get(i) + "'s Polish bundle").isNotEmpty();
            assertThat(pagesEnglish.get(i).stringPropertyNames()).as(PAGE_BUNDLES.get(i))
                    .containsExactlyInAnyOrderElementsOf(pagesPolish.get(i).stringPropertyNames());
        }
        assertThat(polish.stringPropertyNames()).allSatisfy(key -> {
            assertThat(polish.getProperty(key)).as(key).isNotBlank();
            assertThat(english.getProperty(key)).as(key).isNotBlank();
        });
    }

    @Test
    void everyKeyATemplateUsesIsInBothLanguages() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Resource template : new PathMatchingResourcePatternResolver().getResources("classpath*:templates/*.html")) {
            String html = template.getContentAsString(StandardCharsets.UTF_8);
            used.addAll(matches(TEMPLATE_KEY, html));
            used.addAll(matches(TEMPLATE_MSG, html));
        }
        assertThat(used).hasSizeGreaterThan(200);
        assertThat(used).allSatisfy(key -> assertThat(known(key)).as(key + " in both bundles").isTrue());
    }

    /** Keys built from a value ({@code #{role.__${me.role}__}}, a command-api problem type): one per value it takes. */
    @Test
    void everyKeyATemplateBuildsFromAValueIsInBothLanguages() {
        Stream.of(
                Arrays.stream(Role.values()).map(role -> "role." + role.name()),
                Stream.of("verify", "disable", "enable", "secret").map(done -> "integrations.done." + done),
                Stream.of("today", "week", "month").map(period -> "dashboard.period." + period),
                Stream.of("PENDING", "SENT", "ACCEPTED", "REJECTED", "DUPLICATE", "FAILED").map(s -> "invoice-status." + s),
                Stream.of("PENDING", "ACTIVE", "ERROR", "EXPIRED", "DISABLED").map(s -> "integration-status." + s),
                Stream.of("invalid-invoice", "invalid-encoding", "xml-limit-exceeded", "payload-too-large")
                        .map(problem -> "upload.problem." + problem))
                .flatMap(keys -> keys)
                .forEach(key -> assertThat(known(key)).as(key + " in both bundles").isTrue());
    }

    /** A literal in the console's code shaped like one of the bundles' keys must be one (ErrorMessages, flashes...). */
    @Test
    void everyKeyTheCodeUsesIsInBothLanguages() throws IOException {
        Set<String> prefixes = new TreeSet<>();
        polish.stringPropertyNames().forEach(key -> prefixes.add(key.substring(0, key.indexOf('.') + 1)));
        Set<String> used = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                matches(JAVA_LITERAL, Files.readString(source)).stream()
                        .filter(literal -> prefixes.stream().anyMatch(literal::startsWith)).forEach(used::add);
            }
        }
        assertThat(used).contains("error.refused", "upload.too-many", "onboarding.choice.kind", "certificate.wrong-password");
        assertThat(used).allSatisfy(key -> assertThat(known(key)).as(key + " in both bundles").isTrue());
    }

    /** MessageFormat reads an apostrophe as a quote only where there are arguments: there it must be doubled. */
    @Test
    void apostrophesAreDoubledExactlyWhereTheMessageHasArguments() {
        List<Properties> all = new java.util.ArrayList<>(List.of(polish, english));
        all.addAll(pagesPolish);
        all.addAll(pagesEnglish);
        for (Properties bundle : all) {
            bundle.stringPropertyNames().forEach(key -> {
                String text = bundle.getProperty(key);
                if (ARGUMENT.matcher(text).find()) {
                    assertThat(text.replace("''", "")).as(key).doesNotContain("'");
                } else {
                    assertThat(text).as(key).doesNotContain("''");
                }
            });
        }
    }

    @Test
    void polishIsWrittenInPolish() {
        assertThat(polish.getProperty("login.submit")).isEqualTo("Zaloguj się");
        assertThat(polish.getProperty("invoice-status.ACCEPTED")).isEqualTo("Przyjęta");
        assertThat(polish.getProperty("onboarding.grant")).contains("Nadaj uprawnienia podmiotowi");
    }

    private boolean known(String key) {
        return (polish.containsKey(key) || pagesPolish.stream().anyMatch(b -> b.containsKey(key)))
                && (english.containsKey(key) || pagesEnglish.stream().anyMatch(b -> b.containsKey(key)));
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static Properties bundle(String path) {
        try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(path)) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
