package dev.ksefplatform.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ksefplatform.ksef.client.ContextIdentifier;
import dev.ksefplatform.ksef.client.FormCode;
import dev.ksefplatform.ksef.client.InvoiceStatus;
import dev.ksefplatform.ksef.client.KsefClient;
import dev.ksefplatform.ksef.client.OnlineSession;
import dev.ksefplatform.simulator.support.Invoices;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator as a process of its own: {@code java -jar target/ksef-simulator-*-exec.jar}, configured by
 * environment variables, serves a whole KSeF-token login and an accepted invoice (FA(3) XSD included in the jar).
 */
class ExecutableJarIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private Process simulator;

    @AfterEach
    void stop() throws InterruptedException {
        if (simulator != null) {
            simulator.destroy();
            if (!simulator.waitFor(30, TimeUnit.SECONDS)) {
                simulator.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void runsOnItsOwnConfiguredByEnvironmentVariables() throws Exception {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(java(), "-jar", execJar().toString())
                .redirectErrorStream(true).redirectOutput(Path.of("target", "exec-jar-it.log").toFile());
        builder.environment().putAll(Map.of("SERVER_PORT", Integer.toString(port),
                "SIMULATOR_PROCESSING_DELAY", "10ms", "SIMULATOR_AUTH_DELAY", "10ms",
                "SIMULATOR_RATE_LIMITS_ENABLED", "false"));
        simulator = builder.start();
        URI root = URI.create("http://localhost:" + port);
        awaitHealthy(root);

        String nip = Invoices.randomNip();
        String token = seedToken(root, nip);
        KsefClient ksef = KsefClient.builder().baseUri(root.resolve("/v2")).build();
        String access = ksef.auth().loginWithKsefToken(ContextIdentifier.nip(nip), token).accessToken().token();
        InvoiceStatus status;
        try (OnlineSession session = ksef.onlineSessions().open(access, FormCode.FA3)) {
            String sent = session.send(Invoices.fa3(nip, "JAR-1")).referenceNumber();
            status = ksef.onlineSessions().awaitInvoiceStatus(access, session.referenceNumber(), sent,
                    Duration.ofSeconds(60));
        }

        assertThat(status.code()).as(status.description()).isEqualTo(InvoiceStatus.SUCCESS);
        assertThat(status.ksefNumber()).startsWith(nip + "-");
    }

    private static Path execJar() throws IOException {
        try (Stream<Path> jars = Files.list(Path.of("target"))) {
            return jars.filter(p -> p.getFileName().toString().matches("ksef-simulator-.*-exec\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no target/ksef-simulator-*-exec.jar: run the package phase"));
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitHealthy(URI root) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            assertThat(simulator.isAlive()).as("the simulator process is running (see target/exec-jar-it.log)").isTrue();
            try {
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(root.resolve("/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYetListening) {
                // the port is not open yet: try again shortly
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the simulator did not become healthy within 90 s (see target/exec-jar-it.log)");
    }

    private static String seedToken(URI root, String nip) throws Exception {
        byte[] body = JSON.writeValueAsBytes(Map.of("contextNip", nip, "permissions", List.of("InvoiceWrite")));
        HttpResponse<byte[]> created = HTTP.send(HttpRequest.newBuilder(root.resolve("/sim/v1/ksef-tokens"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        JsonNode token = JSON.readTree(created.body());
        assertThat(created.statusCode()).isEqualTo(201);
        return token.get("token").asText();
    }
}
