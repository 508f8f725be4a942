package dev.ksefplatform.deploy.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The properties Spring Boot's jars declare in {@code META-INF/spring-configuration-metadata.json}, as variables. */
final class SpringBootMetadata {

    private static final String METADATA = "META-INF/spring-configuration-metadata.json";

    private SpringBootMetadata() {
    }

    /** The environment form (relaxed binding: dashes dropped, dots as underscores) of every property under {@code prefixes}. */
    static Set<String> variables(String... prefixes) {
        Set<String> names = new TreeSet<>();
        try {
            for (URL url : Collections.list(SpringBootMetadata.class.getClassLoader().getResources(METADATA))) {
                if (url.toString().contains("/org/springframework/boot/")) {
                    read(url, List.of(prefixes), names);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(names);
    }

    private static void read(URL url, List<String> prefixes, Set<String> names) throws IOException {
        try (InputStream in = url.openStream()) {
            for (JsonNode property : new ObjectMapper().readTree(in).path("properties")) {
                String name = property.path("name").asText();
                if (prefixes.stream().anyMatch(name::startsWith)) {
                    names.add(name.toUpperCase().replace("-", "").replace('.', '_'));
                }
            }
        }
    }
}
