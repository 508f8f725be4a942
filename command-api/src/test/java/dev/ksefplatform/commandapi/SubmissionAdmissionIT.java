package dev.ksefplatform.commandapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.commandapi.submission.application.SubmissionAdmission;
import dev.ksefplatform.testsupport.EmbeddedKafka;
import dev.ksefplatform.testsupport.EmbeddedPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway's bounds on submissions in flight, over real HTTP: a submission is held in flight by sending its headers
 * and only part of its body (the bound is taken before the body is read, so it covers a slow client too).
 * One per tenant and two in all here; the defaults are 128 and 2,048.
 */
@SpringBootTest(classes = CommandApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + CommandApiApplication.CONFIG_NAME,
                "commandapi.submission.in-flight.per-tenant=1", "commandapi.submission.in-flight.total=2"})
class SubmissionAdmissionIT {

    private static final String ADMIN_TOKEN = "it-admin-token";
    private static final String PROBLEMS = "https://ksef-platform.dev/problems/";

    @Autowired
    private WebTestClient client;

    @Autowired
    private SubmissionAdmission admission;

    @Autowired
    private MeterRegistry meters;

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.get().springProperties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("spring.kafka.bootstrap-servers", () -> EmbeddedKafka.get().bootstrapServers());
        registry.add("ksef.services.credential-service.url", () -> "http://localhost:9");
        registry.add("commandapi.security.callers.admin", () -> ADMIN_TOKEN);
    }

    @Test
    void aTenantAtItsBoundIsAnswered429WhileOthersAreServedAndTheGatewaysBoundIs503() throws Exception {
        Tenant a = register();
        Tenant b = register();
        Tenant c = register();
        byte[] heldXml = Invoices.bytes(a.nip(), "held-1");

        try (RawHttp heldA = hold(a, heldXml)) {
            awaitInFlight(a, 1);

            WebTestClient.ResponseSpec refused = submit(a, "refused-1");
            refused.expectStatus().isEqualTo(429).expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "too-many-submissions-in-flight");
            submit(b, "served-1").expectStatus().isAccepted();

            try (RawHttp heldC = hold(c, Invoices.bytes(c.nip(), "held-2"))) {
                awaitInFlight(c, 1);
                submit(b, "refused-2").expectStatus().isEqualTo(503)
                        .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                        .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "gateway-busy");
            } // C's client goes away mid-body: its permit comes back
            awaitInFlight(c, 0);

            heldA.send(Arrays.copyOfRange(heldXml, heldXml.length / 2, heldXml.length));
            assertThat(heldA.response().status()).isEqualTo(202);
        }
        awaitInFlight(a, 0);
        submit(a, "served-2").expectStatus().isAccepted();
        submit(b, "served-3").expectStatus().isAccepted();

        assertThat(recorded(a)).as("held-1 and served-2; refused-1 never read").isEqualTo(2);
        assertThat(recorded(b)).as("served-1 and served-3").isEqualTo(2);
        assertThat(recorded(c)).isZero();
        assertThat(meters.get("ksef.gateway.submissions.refused").tag("reason", "tenant").counter().count()).isEqualTo(1);
        assertThat(meters.get("ksef.gateway.submissions.refused").tag("reason", "total").counter().count()).isEqualTo(1);
    }

    /** Headers and half the body: the request is admitted and waits for the rest. */
    private RawHttp hold(Tenant tenant, byte[] xml) throws Exception {
        RawHttp http = new RawHttp(port);
        http.send(RawHttp.post("/api/v1/invoices", "X-API-Key: " + tenant.apiKey() + "\r\nContent-Type: application/xml\r\n",
                xml.length));
        http.send(Arrays.copyOf(xml, xml.length / 2));
        return http;
    }

    private void awaitInFlight(Tenant tenant, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (admission.inFlight(tenant.id()) != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(admission.inFlight(tenant.id())).isEqualTo(expected);
    }

    private WebTestClient.ResponseSpec submit(Tenant tenant, String number) {
        return client.post().uri("/api/v1/invoices").contentType(MediaType.APPLICATION_XML)
                .header("X-API-Key", tenant.apiKey()).bodyValue(Invoices.bytes(tenant.nip(), number)).exchange();
    }

    private Tenant register() {
        String nip = Invoices.randomNip();
        Map<String, Object> body = client.post().uri("/admin/v1/tenants").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_TOKEN)
                .bodyValue(Map.of("name", "Tenant " + nip, "nip", nip)).exchange().expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        return new Tenant((String) body.get("tenantId"), nip, (String) body.get("apiKey"));
    }

    private static int recorded(Tenant tenant) throws SQLException {
        try (Connection connection = EmbeddedPostgres.get().connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM gateway.commands WHERE tenant_id = ?::uuid")) {
            query.setString(1, tenant.id());
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private record Tenant(String id, String nip, String apiKey) {
    }
}
