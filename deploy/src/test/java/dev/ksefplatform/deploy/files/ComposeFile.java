package dev.ksefplatform.deploy.files;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** deploy/compose/compose.yaml as data (anchors and merge keys resolved by SnakeYAML). */
public final class ComposeFile {

    private final Map<String, Map<String, Object>> services;

    private ComposeFile(Map<String, Map<String, Object>> services) {
        this.services = services;
    }

    @SuppressWarnings("unchecked")
    public static ComposeFile load(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            return new ComposeFile((Map<String, Map<String, Object>>) root.get("services"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public Map<String, Map<String, Object>> services() {
        return services;
    }

    /** A service's environment as written, values unresolved. */
    public Map<String, String> environment(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object declared = services.get(service).get("environment");
        if (declared instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(k.toString(), v.toString()));
        }
        return env;
    }

    /** A service's environment with compose's variables resolved from {@code variables}. */
    public Map<String, String> environment(String service, Map<String, String> variables) {
        Map<String, String> env = new LinkedHashMap<>();
        environment(service).forEach((k, v) -> env.put(k, Interpolation.resolve(v, variables)));
        return env;
    }

    @SuppressWarnings("unchecked")
    public List<String> healthcheck(String service) {
        Map<String, Object> check = (Map<String, Object>) services.get(service).get("healthcheck");
        return check == null ? List.of() : ((List<Object>) check.get("test")).stream().map(Object::toString).toList();
    }

    @SuppressWarnings("unchecked")
    public Map<String, String> buildArgs(String service) {
        Map<String, Object> build = (Map<String, Object>) services.get(service).get("build");
        Map<String, Object> args = build == null ? Map.of() : (Map<String, Object>) build.getOrDefault("args", Map.of());
        Map<String, String> out = new LinkedHashMap<>();
        args.forEach((k, v) -> out.put(k, v.toString()));
        return out;
    }
}
