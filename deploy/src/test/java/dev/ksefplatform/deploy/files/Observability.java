package dev.ksefplatform.deploy.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The PromQL that deploy/grafana's dashboards and deploy/prometheus's alert rules evaluate, and the metrics they read. */
public final class Observability {

    /** Prometheus's own series, not any service's. */
    public static final Set<String> PROMETHEUS_OWN = Set.of("up");

    /**
     * Metrics a service registers only once something happens (so a quiet run does not show them), each with the
     * source file that registers it under its Micrometer name; {@code DeploymentFilesTest} checks that it still does.
     */
    public static final Map<String, String[]> REGISTERED_ON_FIRST_USE = Map.of(
            "credentials_lease_denied_total", new String[] {
                "credential-service/src/main/java/dev/ksefplatform/credentials/lease/application/LeaseRefusals.java",
                "\"credentials.lease.denied\""},
            // the first 429 KSeF answers
            "ksef_worker_rate_limited_total", new String[] {
                "tenant-worker/src/main/java/dev/ksefplatform/worker/engine/adapter/ksef/RateBudgetsAdapter.java",
                "\"ksef.worker.rate.limited\""},
            // rows appear at the first metrics refresh (worker.metrics.period) after a context spent budget
            "ksef_worker_budget_remaining", new String[] {
                "tenant-worker/src/main/java/dev/ksefplatform/worker/WorkerMetrics.java",
                "\"ksef.worker.budget.remaining\""},
            // rows only for contexts with invoices queued at a metrics refresh
            "ksef_worker_backlog", new String[] {
                "tenant-worker/src/main/java/dev/ksefplatform/worker/WorkerMetrics.java",
                "\"ksef.worker.backlog\""});

    private Observability() {
    }

    /** Where each expression is written → the expression. */
    public static Map<String, String> expressions() {
        Map<String, String> all = new TreeMap<>();
        dashboards().forEach((file, dashboard) -> dashboard.path("panels").forEach(panel -> panel.path("targets")
                .forEach(t -> all.put(file + " / " + panel.path("title").asText() + " / " + t.path("refId").asText(),
                        t.path("expr").asText()))));
        alertRules().forEach((name, expr) -> all.put("alerts.yml / " + name, expr));
        return all;
    }

    public static Set<String> metricNames() {
        Set<String> names = new TreeSet<>();
        expressions().values().forEach(e -> names.addAll(PromQl.metricNames(e)));
        return names;
    }

    static Map<String, JsonNode> dashboards() {
        Map<String, JsonNode> dashboards = new TreeMap<>();
        try (Stream<Path> files = Files.list(Repository.deploy("grafana/dashboards"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                dashboards.put(file.getFileName().toString(), new ObjectMapper().readTree(file.toFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dashboards;
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> alertRules() {
        Map<String, String> rules = new TreeMap<>();
        try (Reader reader = Files.newBufferedReader(Repository.deploy("prometheus/alerts.yml"))) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            for (Map<String, Object> group : (List<Map<String, Object>>) root.get("groups")) {
                for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                    rules.put(rule.get("alert").toString(), rule.get("expr").toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rules;
    }
}
