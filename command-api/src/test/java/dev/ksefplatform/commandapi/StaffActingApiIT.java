package dev.ksefplatform.commandapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.StaffActingEnded;
import dev.ksefplatform.schemas.v1.StaffActingStarted;
import dev.ksefplatform.testsupport.EmbeddedKafka;
import dev.ksefplatform.testsupport.EmbeddedPostgres;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code POST /admin/v1/tenants/{tenantId}/acting} over real PostgreSQL and Kafka: the console's record of an operator
 * starting and ending "act for this tenant" is an event of the tenant on {@code ksef.events.v1}, whose audit names the
 * operator as STAFF on behalf of the tenant; only the console's token may record it.
 */
@SpringBootTest(classes = CommandApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + CommandApiApplication.CONFIG_NAME)
class StaffActingApiIT {

    private static final String ADMIN_TOKEN = "it-acting-admin-token";
    private static final String CONSOLE_TOKEN = "it-acting-console-token";
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    @Autowired
    private WebTestClient client;

    private String tenantId;
    private String nip;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.get().springProperties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("spring.kafka.bootstrap-servers", () -> EmbeddedKafka.get().bootstrapServers());
        registry.add("commandapi.security.callers.admin", () -> ADMIN_TOKEN);
        registry.add("commandapi.security.callers.console", () -> CONSOLE_TOKEN);
        registry.add("ksef.services.credential-service.url", () -> "http://localhost:9"); // best effort, never needed
    }

    @BeforeEach
    void aTenant() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        nip = Invoices.randomNip();
        Map<String, Object> tenant = client.post().uri("/admin/v1/tenants").header("Authorization", "Bearer " + ADMIN_TOKEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "Acting " + nip, "nip", nip))
                .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
        tenantId = (String) tenant.get("tenantId");
    }

    @Test
    void recordsTheStartAndEndAsEventsOfTheTenantNamingTheOperatorAsStaff() {
        Map<String, Object> started = acting(CONSOLE_TOKEN, tenantId, Map.of("action", "start", "operatorId", "op-ala"), 201);
        Map<String, Object> ended = acting(CONSOLE_TOKEN, tenantId, Map.of("action", "end", "operatorId", "op-ala"), 201);

        assertThat(started).containsEntry("tenantId", tenantId).containsEntry("operatorId", "op-ala").containsEntry("action", "start");
        EventEnvelope start = event((String) started.get("eventId"));
        EventEnvelope end = event((String) ended.get("eventId"));
        assertThat(start.getTenantId()).isEqualTo(tenantId);
        assertThat(start.getPayload()).isInstanceOf(StaffActingStarted.class);
        assertThat(((StaffActingStarted) start.getPayload()).getOperator()).isEqualTo("op-ala");
        assertThat(start.getAudit().getOperation()).isEqualTo("staff.act-for.start");
        assertThat(start.getAudit().getTenantNip()).isEqualTo(nip);
        assertThat(start.getAudit().getActor().getType()).isEqualTo("STAFF");
        assertThat(start.getAudit().getActor().getId()).isEqualTo("op-ala");
        assertThat(start.getAudit().getActor().getOnBehalfOf()).isEqualTo(tenantId);
        assertThat(end.getPayload()).isInstanceOf(StaffActingEnded.class);
        assertThat(end.getAudit().getOperation()).isEqualTo("staff.act-for.end");
        assertThat(end.getOccurredAt()).isAfterOrEqualTo(start.getOccurredAt());
    }

    @Test
    void onlyTheConsoleMayRecordIt() {
        assertThat(acting(ADMIN_TOKEN, tenantId, Map.of("action", "start", "operatorId", "op-ala"), 403))
                .containsEntry("type", "https://ksef-platform.dev/problems/forbidden");
        assertThat(acting("unknown", tenantId, Map.of("action", "start", "operatorId", "op-ala"), 401))
                .containsEntry("type", "https://ksef-platform.dev/problems/unauthorized");
    }

    @Test
    void refusesAnUnknownTenantAndAnUnknownAction() {
        assertThat(acting(CONSOLE_TOKEN, UUID.randomUUID().toString(), Map.of("action", "start", "operatorId", "op"), 404))
                .containsEntry("type", "https://ksef-platform.dev/problems/tenant-not-found");
        assertThat(acting(CONSOLE_TOKEN, tenantId, Map.of("action", "pause", "operatorId", "op"), 400))
                .containsEntry("type", "https://ksef-platform.dev/problems/invalid-request");
        assertThat(acting(CONSOLE_TOKEN, tenantId, Map.of("action", "start", "operatorId", "op ala; drop"), 400))
                .containsEntry("type", "https://ksef-platform.dev/problems/invalid-request");
    }

    private Map<String, Object> acting(String token, String tenant, Map<String, Object> body, int status) {
        return client.post().uri("/admin/v1/tenants/{id}/acting", tenant).header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isEqualTo(status).expectBody(JSON).returnResult().getResponseBody();
    }

    private static EventEnvelope event(String messageId) {
        return SelfServiceEvents.allEnvelopes().stream().filter(e -> e.getMessageId().equals(messageId)).findFirst()
                .orElseThrow(() -> new AssertionError("no event " + messageId + " on ksef.events.v1"));
    }
}
