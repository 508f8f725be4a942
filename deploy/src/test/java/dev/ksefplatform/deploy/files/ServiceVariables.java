package dev.ksefplatform.deploy.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The environment variables a service binds, read from its own {@code <service>.yml}: every {@code ${NAME:...}}
 * placeholder, and every property's environment form by Spring's relaxed binding (dashes dropped, or the legacy
 * form with dashes as underscores). Keys of maps are left out: a variable cannot spell {@code TEST} or
 * {@code tenant-worker} as a map key, so those maps take explicit placeholders instead.
 */
public final class ServiceVariables {

    /** Map-valued properties: their keys come only from placeholders. */
    static final List<String> MAPS = List.of("ksef.services.", "ksef.environments.", "commandapi.security.callers.",
            "credentials.security.callers.", "sync.security.callers.", "audit.security.callers.");
    /**
     * Spring Boot's pass-through maps of Kafka client properties ({@code spring.kafka.consumer.properties.*}): any key
     * there reaches the Kafka client as it is, so a variable under these prefixes is bound by every service using Kafka.
     */
    static final List<String> KAFKA_CLIENT_PROPERTIES = List.of("SPRING_KAFKA_CONSUMER_PROPERTIES_",
            "SPRING_KAFKA_PRODUCER_PROPERTIES_", "SPRING_KAFKA_PROPERTIES_");
    /**
     * Spring Boot's own logging and start-up properties, as its configuration metadata lists them: every service is a
     * Spring Boot application, which reads them at start-up ({@code LoggingApplicationListener}, {@code SpringApplication})
     * whatever its yml says, e.g. {@code LOGGING_STRUCTURED_FORMAT_CONSOLE}, {@code SPRING_MAIN_BANNERMODE}.
     */
    static final Set<String> SPRING_BOOT_CORE = SpringBootMetadata.variables("logging.", "spring.main.");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    private ServiceVariables() {
    }

    /**
     * Whether {@code service} binds {@code variable}: one of {@link #of}, a Spring Boot logging or start-up property, or a Kafka
     * client property if it uses Kafka.
     */
    public static boolean binds(String service, String variable) {
        return of(service).contains(variable) || SPRING_BOOT_CORE.contains(variable)
                || of(service).contains("SPRING_KAFKA_BOOTSTRAPSERVERS") && KAFKA_CLIENT_PROPERTIES.stream().anyMatch(variable::startsWith);
    }

    public static Set<String> of(String service) {
        Path yml = Repository.root().resolve(service).resolve("src/main/resources").resolve(service + ".yml");
        try {
            String text = Files.readString(yml);
            Set<String> names = new TreeSet<>(PLACEHOLDER.matcher(text).results().map(r -> r.group(1)).toList());
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
            collect("", root, names);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(String prefix, Map<?, ?> node, Set<String> names) {
        node.forEach((key, value) -> {
            String path = prefix + key;
            if (value instanceof Map<?, ?> child) {
                collect(path + ".", child, names);
            } else if (MAPS.stream().noneMatch(path::startsWith)) {
                names.add(path.toUpperCase().replace("-", "").replace('.', '_'));
                names.add(path.toUpperCase().replace('-', '_').replace('.', '_'));
            }
        });
    }
}
