package dev.ksefplatform.credentials.support;

import dev.ksefplatform.simulator.KsefSimulatorApplication;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The real KSeF simulator on a free port, in this JVM. */
public final class Simulator implements AutoCloseable {

    /** This module's classpath brings R2DBC, Flyway and Kafka; the simulator uses none of them. */
    private static final String EXCLUDES = String.join(",",
            "org.springframework.boot.autoconfigure.r2dbc.R2dbcAutoConfiguration",
            "org.springframework.boot.autoconfigure.r2dbc.R2dbcTransactionManagerAutoConfiguration",
            "org.springframework.boot.autoconfigure.data.r2dbc.R2dbcDataAutoConfiguration",
            "org.springframework.boot.autoconfigure.data.r2dbc.R2dbcRepositoriesAutoConfiguration",
            "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
            "org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration");

    private final ConfigurableApplicationContext context;

    public Simulator(String... extraArgs) {
        List<String> args = new java.util.ArrayList<>(List.of("--server.port=0", "--spring.autoconfigure.exclude=" + EXCLUDES,
                "--simulator.processing-delay=0ms", "--simulator.auth-delay=0ms"));
        args.addAll(List.of(extraArgs));
        this.context = KsefSimulatorApplication.builder().run(args.toArray(String[]::new));
    }

    public String baseUrl() {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** A KSeF token in {@code contextNip}'s context, as the simulator's seeding endpoint issues it. */
    public String issueKsefToken(String contextNip, List<String> permissions) {
        Map<?, ?> body = WebTestClient.bindToServer().baseUrl(baseUrl()).responseTimeout(Duration.ofSeconds(10)).build()
                .post().uri("/sim/v1/ksef-tokens").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("contextNip", contextNip, "permissions", permissions, "description", "credential-service IT"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return (String) body.get("token");
    }

    @Override
    public void close() {
        context.close();
    }
}
