package dev.ksefplatform.deploy.files;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Every Kubernetes object in deploy/k8s, as maps. */
public final class Manifests {

    private final List<Map<String, Object>> objects;

    private Manifests(List<Map<String, Object>> objects) {
        this.objects = objects;
    }

    @SuppressWarnings("unchecked")
    public static Manifests load(Path directory) {
        List<Map<String, Object>> objects = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)
                            .forEach(o -> objects.add((Map<String, Object>) o));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Manifests(objects);
    }

    public List<Map<String, Object>> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    public Map<String, Object> named(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(at(o, "metadata", "name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in deploy/k8s"));
    }

    /** The value at a path of map keys; null when absent. */
    @SuppressWarnings("unchecked")
    public static <T> T at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return (T) current;
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> containers(Map<String, Object> workload) {
        List<Map<String, Object>> containers = at(workload, "spec", "template", "spec", "containers");
        return containers == null ? List.of() : containers;
    }
}
