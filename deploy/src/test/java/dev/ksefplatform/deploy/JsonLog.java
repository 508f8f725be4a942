package dev.ksefplatform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One line of a service process's standard output in Spring Boot's ECS format: MDC keys with dots are nested objects
 * ({@code tenant.id} is {@code {"tenant":{"id":…}}}).
 */
record JsonLog(JsonNode json) {

    static final List<String> IDS = List.of("tenant.id", "integration.id", "command.id", "correlation.id", "ksef.context");
    private static final ObjectMapper JSON = new ObjectMapper();

    String message() {
        return json.path("message").asText();
    }

    String id(String key) {
        JsonNode node = json;
        for (String part : key.split("\\.")) {
            node = node.path(part);
        }
        return node.isMissingNode() ? null : node.asText();
    }

    Map<String, String> ids() {
        Map<String, String> ids = new LinkedHashMap<>();
        IDS.forEach(key -> Optional.ofNullable(id(key)).ifPresent(value -> ids.put(key, value)));
        return ids;
    }

    /** Waits (at most 60 s) for the process's line matching {@code wanted}; every line it wrote must be JSON. */
    static JsonLog await(String process, Predicate<JsonLog> wanted) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            List<JsonLog> lines = read(process);
            Optional<JsonLog> found = lines.stream().filter(wanted).findFirst();
            if (found.isPresent() || System.nanoTime() > deadline) {
                assertThat(found).as(process + " logged no such line").isPresent();
                return found.get();
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a log line", e);
        }
    }

    /** Every line of the process's log; the JVM's own "Picked up JAVA_TOOL_OPTIONS" notice is its one plain line. */
    static List<JsonLog> read(String process) {
        try {
            return Files.readAllLines(ProcessPlatform.LOGS.resolve(process + ".log")).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("Picked up JAVA_TOOL_OPTIONS"))
                    .map(JsonLog::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonLog parse(String line) {
        try {
            return new JsonLog(JSON.readTree(line));
        } catch (JsonProcessingException e) {
            throw new AssertionError("not a JSON log line: " + line, e);
        }
    }
}
