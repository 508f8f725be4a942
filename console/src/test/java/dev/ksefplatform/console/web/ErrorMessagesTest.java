package dev.ksefplatform.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.console.commandapi.CommandApiRefused;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every problem type command-api can answer has a sentence in both languages: the types are read from command-api's
 * sources (its ProblemAdvice and the enum constants naming a type), plus the credential-service types command-api
 * passes on (VaultRefusals: 400, 409 and 503 ksef-*); a new type without a console message fails here.
 */
class ErrorMessagesTest {

    private static final Pattern STATUS_AND_TYPE = Pattern.compile("HttpStatus\\.([A-Z_]+),\\s*\"([a-z]+(?:-[a-z]+)*)\"");
    private static final Pattern TYPE_BASE = Pattern.compile("TYPE_BASE \\+ (?:\\(.*?\\? )?\"([a-z]+(?:-[a-z]+)*)\"(?: : \"([a-z-]+)\")?");
    private static final Pattern ENUM_TYPE = Pattern.compile("[A-Z]+\\(\"[a-z]+\", \"([a-z]+(?:-[a-z]+)+)\"");
    private static final Set<String> PASSED_ON = Set.of("BAD_REQUEST", "CONFLICT");

    @Test
    void everyProblemTypeOfCommandApiHasAMessageInBothLanguages() throws IOException {
        Set<String> types = new TreeSet<>();
        for (String source : sources("../command-api/src/main/java")) {
            collect(STATUS_AND_TYPE, source, 2, types);
            collect(TYPE_BASE, source, 1, types);
            collect(TYPE_BASE, source, 2, types);
            collect(ENUM_TYPE, source, 1, types);
        }
        for (String source : sources("../credential-service/src/main/java")) {
            Matcher matcher = STATUS_AND_TYPE.matcher(source);
            while (matcher.find()) {
                if (PASSED_ON.contains(matcher.group(1)) || matcher.group(2).startsWith("ksef-")) {
                    types.add(matcher.group(2));
                }
            }
        }

        assertThat(types).contains("invalid-invoice", "upo-not-available-yet", "internal-error", "ksef-rate-budget",
                "illegal-status-transition", "service-unavailable");
        assertThat(ErrorMessages.KNOWN).containsAll(types);
        Properties polish = bundle("i18n/messages.properties");
        Properties english = bundle("i18n/messages_en.properties");
        assertThat(ErrorMessages.KNOWN).allSatisfy(type -> {
            assertThat(polish.getProperty("error." + type)).as(type + " in Polish").isNotBlank();
            assertThat(english.getProperty("error." + type)).as(type + " in English").isNotBlank();
        });
    }

    @Test
    void keepsCommandApisDetailOnlyWhereItNamesWhatIsWrong() {
        CommandApiRefused invalid = refused("invalid-invoice", "line 12, column 7: element P_15 missing");
        CommandApiRefused busy = refused("ksef-rate-budget", "the KSeF rate budget is used up for context 123");
        CommandApiRefused unknown = refused("something-new", "do this instead");

        assertThat(ErrorMessages.keyOf(invalid)).contains("error.invalid-invoice");
        assertThat(ErrorMessages.detailsOf(invalid)).contains("line 12, column 7: element P_15 missing");
        assertThat(ErrorMessages.keyOf(busy)).contains("error.ksef-rate-budget");
        assertThat(ErrorMessages.detailsOf(busy)).isEmpty();
        assertThat(ErrorMessages.keyOf(unknown)).isEmpty();
        assertThat(ErrorMessages.detailsOf(unknown)).contains("do this instead");
    }

    private static CommandApiRefused refused(String type, String detail) {
        return new CommandApiRefused(400, Map.of("type", "https://ksef-platform.dev/problems/" + type, "detail", detail));
    }

    private static void collect(Pattern pattern, String source, int group, Set<String> into) {
        Matcher matcher = pattern.matcher(source);
        while (matcher.find()) {
            if (matcher.group(group) != null) {
                into.add(matcher.group(group));
            }
        }
    }

    private static Set<String> sources(String root) throws IOException {
        Set<String> texts = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of(root))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                texts.add(Files.readString(file));
            }
        }
        assertThat(texts).as(root + " holds sources").isNotEmpty();
        return texts;
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ErrorMessagesTest.class.getClassLoader().getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
