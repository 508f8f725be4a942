package dev.ksefplatform.deploy;

import static dev.ksefplatform.deploy.files.Manifests.at;
import static dev.ksefplatform.deploy.files.Manifests.containers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.deploy.files.ComposeFile;
import dev.ksefplatform.deploy.files.Manifests;
import dev.ksefplatform.deploy.files.Observability;
import dev.ksefplatform.deploy.files.ProbePaths;
import dev.ksefplatform.deploy.files.PromQl;
import dev.ksefplatform.deploy.files.Repository;
import dev.ksefplatform.deploy.files.ServiceVariables;
import dev.ksefplatform.schemas.topic.Topics;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** compose.yaml, deploy/k8s, Prometheus and Grafana files checked against the services they deploy. */
class DeploymentFilesTest {

    static final List<String> SERVICES = List.of(Apps.COMMAND_API, Apps.CREDENTIAL_SERVICE, Apps.TENANT_WORKER,
            Apps.SYNC_SERVICE, Apps.AUDIT_PROJECTOR);
    /** The services a production deployment runs: the Kafka services and the console. */
    static final List<String> DEPLOYMENTS = List.of(Apps.COMMAND_API, Apps.CREDENTIAL_SERVICE, Apps.TENANT_WORKER,
            Apps.SYNC_SERVICE, Apps.AUDIT_PROJECTOR, Apps.CONSOLE);
    static final List<String> APPS = List.of(Apps.COMMAND_API, Apps.CREDENTIAL_SERVICE, Apps.TENANT_WORKER,
            Apps.SYNC_SERVICE, Apps.AUDIT_PROJECTOR, Apps.SIMULATOR, Apps.CONSOLE);
    /** Every app but the console, whose metrics sit behind its login (k8s/console.yaml says why). */
    static final List<String> SCRAPED = APPS.stream().filter(app -> !app.equals(Apps.CONSOLE)).toList();

    /** Spring Boot's {@code logging.structured.format.console}: one JSON object a line on standard output. */
    static final String JSON_LOGS = "LOGGING_STRUCTURED_FORMAT_CONSOLE";
    /** Spring Boot's {@code spring.main.banner-mode}: off, so that standard output holds JSON only. */
    static final String NO_BANNER = "SPRING_MAIN_BANNERMODE";

    private final ComposeFile compose = ComposeFile.load(Repository.deploy("compose/compose.yaml"));
    private final Manifests k8s = Manifests.load(Repository.deploy("k8s"));

    @Test
    void composeRunsEveryServiceFromItsOwnExecJarAndTheTopicsCommandFirst() {
        for (String app : APPS) {
            assertThat(compose.buildArgs(app)).as(app).containsEntry("MODULE", app);
            assertThat(Repository.execJar(app)).as(app + " image entrypoint jar").exists();
        }
        assertThat(Repository.execJar("tools", compose.buildArgs("topics").get("JAR"))).exists();
        assertThat(compose.services().get("topics").get("command").toString()).contains("topics, create");
        SERVICES.forEach(s -> assertThat((Object) at(compose.services().get(s), "depends_on", "topics", "condition"))
                .as(s).isEqualTo("service_completed_successfully"));
    }

    @Test
    void everyVariableComposeSetsIsOneTheServiceBinds() {
        for (String app : APPS) {
            assertThat(compose.environment(app).keySet()).as(app + " does not bind").filteredOn(v -> !ServiceVariables.binds(app, v)).isEmpty();
        }
    }

    @Test
    void everyDeploymentLogsJsonThroughSpringBootsOwnProperty() {
        for (String app : DEPLOYMENTS) {
            assertThat(compose.environment(app)).as(app).containsEntry(JSON_LOGS, "ecs").containsEntry(NO_BANNER, "off");
            Set<String> fromConfigMaps = new TreeSet<>();
            containers(k8s.named("Deployment", app)).forEach(container -> this.<List<Map<String, Object>>>listAt(
                    container, "envFrom").forEach(from -> fromConfigMaps.addAll(configMapKeys(at(from, "configMapRef", "name")))));
            assertThat(fromConfigMaps).as(app).contains(JSON_LOGS, NO_BANNER);
            assertThat(ServiceVariables.binds(app, JSON_LOGS) && ServiceVariables.binds(app, NO_BANNER)).as(app).isTrue();
        }
        assertThat((Object) at(k8s.named("ConfigMap", "ksef-platform-logging"), "data", JSON_LOGS)).isEqualTo("ecs");
        assertThat(ServiceVariables.binds(Apps.TENANT_WORKER, "LOGGING_STRUCTURED_FORMAT_CONSOLES")).isFalse();
    }

    @Test
    void kafkaClientPropertiesAreBoundOnlyByServicesThatUseKafka() {
        assertThat(ServiceVariables.binds(Apps.TENANT_WORKER, "SPRING_KAFKA_CONSUMER_PROPERTIES_SESSION_TIMEOUT_MS")).isTrue();
        assertThat(ServiceVariables.binds(Apps.SIMULATOR, "SPRING_KAFKA_CONSUMER_PROPERTIES_SESSION_TIMEOUT_MS")).isFalse();
        assertThat(ServiceVariables.binds(Apps.TENANT_WORKER, "SPRING_KAFKA_CONSUMER_SESSION_TIMEOUT")).isFalse();
    }

    @Test
    void composeHealthChecksUseTheProbePathsOnTheServicesOwnPort() {
        for (String app : APPS) {
            URI checked = URI.create(compose.healthcheck(app).get(compose.healthcheck(app).size() - 1));
            assertThat(ProbePaths.of(app)).as(app).contains(checked.getPath());
            assertThat(Integer.toString(checked.getPort())).isEqualTo(compose.environment(app).get("SERVER_PORT"));
        }
    }

    @Test
    void everyVariableKubernetesSetsIsOneTheServiceBinds() {
        for (String app : APPS) {
            Set<String> set = new TreeSet<>();
            for (Map<String, Object> container : containers(k8s.named("Deployment", app))) {
                this.<List<Map<String, Object>>>listAt(container, "env").forEach(e -> set.add(e.get("name").toString()));
                this.<List<Map<String, Object>>>listAt(container, "envFrom").forEach(from ->
                        set.addAll(configMapKeys(at(from, "configMapRef", "name"))));
            }
            assertThat(set).as(app + " does not bind").filteredOn(v -> !ServiceVariables.binds(app, v)).isEmpty();
        }
    }

    @Test
    void kubernetesProbesUseTheProbePathsOnTheContainersPort() {
        for (String app : APPS) {
            Map<String, Object> container = containers(k8s.named("Deployment", app)).get(0);
            String port = env(container).get("SERVER_PORT");
            assertThat(Integer.toString(at(listAt(container, "ports").get(0), "containerPort"))).as(app).isEqualTo(port);
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertThat(ProbePaths.of(app)).as(app + " " + probe).contains((String) at(container, probe, "httpGet", "path"));
            }
            if (!app.equals(Apps.SIMULATOR)) {
                assertThat((String) at(container, "readinessProbe", "httpGet", "path")).isEqualTo(ProbePaths.READINESS);
                assertThat((String) at(container, "livenessProbe", "httpGet", "path")).isEqualTo(ProbePaths.LIVENESS);
            }
        }
    }

    @Test
    void everyServiceHasResourcesABudgetAndSecretsOnlyByReference() throws IOException {
        for (String service : DEPLOYMENTS) {
            Map<String, Object> container = containers(k8s.named("Deployment", service)).get(0);
            assertThat((Object) at(container, "resources", "requests", "cpu")).as(service).isNotNull();
            assertThat((Object) at(container, "resources", "requests", "memory")).as(service).isNotNull();
            assertThat((Object) at(container, "resources", "limits", "memory")).as(service).isNotNull();
            assertThat((Object) at(k8s.named("PodDisruptionBudget", service), "spec", "selector", "matchLabels"))
                    .isEqualTo(at(k8s.named("Deployment", service), "spec", "selector", "matchLabels"));
            listAt(container, "env").stream().filter(e -> e.get("name").toString().matches(".*(TOKEN|PASSWORD|MASTERKEYS).*"))
                    .forEach(e -> assertThat((Object) at(e, "valueFrom", "secretKeyRef", "name")).as(service + " " + e.get("name"))
                            .isEqualTo("ksef-platform-secrets"));
        }
        assertThat(k8s.ofKind("Secret")).as("no Secret is committed").isEmpty();
    }

    @Test
    void everyDeploymentWritesOnlyToAnEmptyDirAtTmp() {
        for (String app : DEPLOYMENTS) {
            Map<String, Object> deployment = k8s.named("Deployment", app);
            Set<String> emptyDirs = new TreeSet<>();
            this.<List<Map<String, Object>>>listAt(at(deployment, "spec", "template", "spec"), "volumes").stream()
                    .filter(v -> v.get("emptyDir") != null).forEach(v -> emptyDirs.add(v.get("name").toString()));
            for (Map<String, Object> container : containers(deployment)) {
                assertThat((Object) at(container, "securityContext", "readOnlyRootFilesystem")).as(app).isEqualTo(true);
                assertThat((Object) at(container, "securityContext", "allowPrivilegeEscalation")).as(app).isEqualTo(false);
                List<Map<String, Object>> mounts = listAt(container, "volumeMounts");
                assertThat(mounts).as(app + " mounts").extracting(m -> m.get("mountPath")).containsExactly("/tmp");
                assertThat(emptyDirs).as(app + " /tmp is an emptyDir").contains(mounts.get(0).get("name").toString());
            }
        }
    }

    @Test
    void theWorkersAutoscalerNeverOutgrowsThePartitionsOfTheCommandsTopic() {
        int maxReplicas = at(k8s.named("HorizontalPodAutoscaler", Apps.TENANT_WORKER), "spec", "maxReplicas");
        List<String> args = containers(jobTemplate()).get(0).get("args") instanceof List<?> l
                ? l.stream().map(Object::toString).toList() : List.of();
        int partitions = args.contains("--partitions")
                ? Integer.parseInt(args.get(args.indexOf("--partitions") + 1)) : Topics.COMMANDS.defaultPartitions();

        assertThat(args).startsWith("topics", "create");
        assertThat(maxReplicas).isLessThanOrEqualTo(partitions);
        assertThat(maxReplicas).isLessThanOrEqualTo(Topics.COMMANDS.defaultPartitions());
    }

    @Test
    void prometheusScrapesEveryAppOnItsActuatorPathAndPort() {
        Map<String, Object> config = new org.yaml.snakeyaml.Yaml().load(read("prometheus/prometheus.yml"));
        Map<String, String> targets = new java.util.TreeMap<>();
        for (Map<String, Object> job : this.<List<Map<String, Object>>>cast(config.get("scrape_configs"))) {
            assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
            List<Map<String, Object>> statics = cast(job.get("static_configs"));
            targets.put(job.get("job_name").toString(), ((List<?>) statics.get(0).get("targets")).get(0).toString());
        }
        SCRAPED.forEach(app -> assertThat(targets).containsEntry(app, app + ":" + compose.environment(app).get("SERVER_PORT")));
        SCRAPED.forEach(app -> assertThat((String) at(k8s.named("Deployment", app), "spec", "template", "metadata", "annotations",
                "prometheus.io/path")).isEqualTo("/actuator/prometheus"));
    }

    @Test
    void dashboardsAndAlertRulesParseAndNameMetrics() {
        assertThat(Observability.expressions()).isNotEmpty().allSatisfy((where, expr) ->
                assertThat(PromQl.metricNames(expr)).as(where).isNotEmpty());
        assertThat(Observability.metricNames()).contains("kafka_consumer_fetch_manager_records_lag_max",
                "ksef_projector_poison_records_total", "credentials_lease_denied_total");
    }

    @Test
    void metricsRegisteredOnFirstUseAreStillRegisteredWhereTheListSays() throws IOException {
        for (var entry : Observability.REGISTERED_ON_FIRST_USE.entrySet()) {
            String source = Files.readString(Repository.root().resolve(entry.getValue()[0]));
            assertThat(source).as(entry.getKey()).contains(entry.getValue()[1]);
        }
    }

    @Test
    void readsMetricNamesOutOfPromQl() {
        assertThat(PromQl.metricNames("sum by (job, status) (rate(http_server_requests_seconds_count{status=~\"5..\"}[5m])) > 0.05"))
                .containsExactly("http_server_requests_seconds_count");
        assertThat(PromQl.metricNames("max by (job) (r2dbc_pool_pending_connections) > 0 or up == 0"))
                .containsExactly("r2dbc_pool_pending_connections", "up");
    }

    private Map<String, Object> jobTemplate() {
        return k8s.named("Job", "ksef-topics");
    }

    private Set<String> configMapKeys(String name) {
        Map<String, Object> data = at(k8s.named("ConfigMap", name), "data");
        return data.keySet();
    }

    private static Map<String, String> env(Map<String, Object> container) {
        Map<String, String> env = new java.util.HashMap<>();
        List<Map<String, Object>> list = at(container, "env");
        list.forEach(e -> env.put(e.get("name").toString(), String.valueOf(e.get("value"))));
        return env;
    }

    private <T> List<Map<String, Object>> listAt(Map<String, Object> node, String key) {
        Object value = node.get(key);
        return value == null ? new ArrayList<>() : cast(value);
    }

    @SuppressWarnings("unchecked")
    private <T> T cast(Object value) {
        return (T) value;
    }

    private static String read(String path) {
        try {
            return Files.readString(Repository.deploy(path));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
