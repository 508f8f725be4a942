package dev.ksefplatform.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ksefplatform.credentials.outbox.adapter.kafka.KafkaOutboxPublisher;
import dev.ksefplatform.credentials.outbox.adapter.r2dbc.PostgresRelayLock;
import dev.ksefplatform.credentials.outbox.application.Outbox;
import dev.ksefplatform.credentials.outbox.application.OutboxMessage;
import dev.ksefplatform.credentials.outbox.application.OutboxRelay;
import dev.ksefplatform.credentials.support.CredentialServiceHarness;
import dev.ksefplatform.credentials.support.Nips;
import dev.ksefplatform.credentials.support.Simulator;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.IntegrationRegistered;
import dev.ksefplatform.schemas.v1.IntegrationVerified;
import dev.ksefplatform.schemas.v1.KsefCallRecorded;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The outbox with its relay stopped, as after a crash between the database commit and Kafka: the events wait in
 * {@code credentials.outbox}, and arrive (each once) when a relay runs; a relay that dies between the send and the mark
 * makes the next one send the same message ids again.
 */
class OutboxIT {

    private static Simulator ksef;
    private static CredentialServiceHarness service;

    @BeforeAll
    static void start() {
        ksef = new Simulator();
        service = new CredentialServiceHarness(ksef.baseUrl() + "/v2", "--credentials.outbox.enabled=false");
    }

    @AfterAll
    static void stop() {
        service.close();
        ksef.close();
    }

    @Test
    void eventsCommittedWhileNoRelayRunsWaitInTheOutboxAndArriveOnceWhenItRuns() throws InterruptedException {
        String tenantId = verifiedTenant();
        List<OutboxRow> waiting = rowsOnceWritten(tenantId, 2 + VERIFICATION_CALLS);
        assertThat(waiting).isNotEmpty().allSatisfy(row -> assertThat(row.published()).isFalse());
        assertThat(service.eventsOf(tenantId, l -> !l.isEmpty(), Duration.ofSeconds(2))).isEmpty();
        assertThat(backlogGaugeOnceItHolds(n -> n >= waiting.size())).isGreaterThanOrEqualTo(waiting.size());

        long sent = relay().drain().block(Duration.ofSeconds(30));
        List<EventEnvelope> events = eventsUntil(tenantId, waiting.size());
        Long again = relay().drain().block(Duration.ofSeconds(30));

        assertThat(sent).isGreaterThanOrEqualTo(waiting.size());
        assertThat(again).isZero();
        assertThat(events).extracting(EventEnvelope::getMessageId)
                .containsExactlyElementsOf(waiting.stream().map(OutboxRow::messageId).toList());
        assertThat(events).<Class<?>>extracting(e -> e.getPayload().getClass())
                .startsWith(IntegrationRegistered.class).contains(IntegrationVerified.class)
                .filteredOn(type -> type == KsefCallRecorded.class).hasSizeGreaterThanOrEqualTo(VERIFICATION_CALLS);
        assertThat(rowsOf(tenantId)).allSatisfy(row -> assertThat(row.published()).isTrue());
        assertThat(backlogGaugeOnceItHolds(n -> n == 0)).isZero();
        assertThat(service.eventsOf(tenantId, l -> l.size() > waiting.size(), Duration.ofSeconds(2)))
                .hasSize(waiting.size());
    }

    @Test
    void aRelayThatDiesBetweenSendAndMarkLeavesTheRowsForTheNextWhichSendsTheSameMessageIds() {
        String tenantId = registeredTenant();
        OutboxRow registered = rowsOf(tenantId).get(0);

        assertThatThrownBy(() -> relayDyingBeforeTheMark().drain().block(Duration.ofSeconds(30)))
                .hasMessageContaining("died before the mark");
        List<EventEnvelope> once = eventsUntil(tenantId, 1);
        assertThat(rowsOf(tenantId)).singleElement().satisfies(row -> assertThat(row.published()).isFalse());
        relay().drain().block(Duration.ofSeconds(30));
        List<EventEnvelope> twice = eventsUntil(tenantId, 2);

        assertThat(once).extracting(EventEnvelope::getMessageId).containsExactly(registered.messageId());
        assertThat(twice).hasSize(2).extracting(EventEnvelope::getMessageId).containsOnly(registered.messageId());
        assertThat(twice.get(1)).isEqualTo(twice.get(0));
        assertThat(rowsOf(tenantId)).singleElement().satisfies(row -> assertThat(row.published()).isTrue());
    }

    /** {@code credentials_outbox_backlog} on /actuator/prometheus, once {@code holds} or after 10 s. */
    private static double backlogGaugeOnceItHolds(java.util.function.DoublePredicate holds) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        double value = backlogGauge();
        while (!holds.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            value = backlogGauge();
        }
        return value;
    }

    private static double backlogGauge() {
        String metrics = service.client("none").get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return metrics.lines().filter(line -> line.startsWith("credentials_outbox_backlog "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError("no credentials_outbox_backlog in /actuator/prometheus"));
    }

    private static String registeredTenant() {
        String tenantId = "tenant-" + UUID.randomUUID();
        String nip = Nips.random();
        String token = ksef.issueKsefToken(nip, List.of("InvoiceWrite"));
        service.vouch(tenantId, nip);
        Map<?, ?> body = service.client(CredentialServiceHarness.ADMIN).post().uri("/admin/v1/integrations")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("tenantId", tenantId, "environment", "TEST", "taxpayerNip", nip,
                        "providerNip", nip, "scopes", List.of("InvoiceWrite"),
                        "credential", Map.of("type", "KSEF_TOKEN", "ksefToken", token)))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        lastIntegrationId = (String) body.get("integrationId");
        return tenantId;
    }

    private static String lastIntegrationId;

    private static String verifiedTenant() {
        String tenantId = registeredTenant();
        service.client(CredentialServiceHarness.ADMIN).post().uri("/admin/v1/integrations/{id}/verify", lastIntegrationId)
                .exchange().expectStatus().isOk().expectBody(Map.class)
                .value(body -> assertThat(body.get("status")).isEqualTo("ACTIVE"));
        return tenantId;
    }

    private static List<EventEnvelope> eventsUntil(String tenantId, int count) {
        return service.eventsOf(tenantId, l -> l.size() >= count).stream().map(ConsumerRecord::value).toList();
    }

    private record OutboxRow(long seq, String messageId, boolean published) {
    }

    /** Challenge, ksef-token, status polls (one run or more), redeem, token status, personal grants. */
    private static final int VERIFICATION_CALLS = 6;

    /**
     * The KSeF call events are written when their scope ends, beside the work: waits for at least {@code count} rows
     * and no new one for half a second.
     */
    private static List<OutboxRow> rowsOnceWritten(String key, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<OutboxRow> rows = rowsOf(key);
        List<OutboxRow> before = List.of();
        while ((rows.size() < count || rows.size() != before.size()) && System.nanoTime() < deadline) {
            before = rows;
            Thread.sleep(500);
            rows = rowsOf(key);
        }
        return rows;
    }

    private static List<OutboxRow> rowsOf(String key) {
        return db().sql("SELECT seq, message_id, published_at IS NOT NULL AS published FROM credentials.outbox "
                        + "WHERE message_key = :key ORDER BY seq").bind("key", key)
                .map(row -> new OutboxRow(row.get("seq", Long.class), row.get("message_id", String.class),
                        Boolean.TRUE.equals(row.get("published", Boolean.class))))
                .all().collectList().block(Duration.ofSeconds(10));
    }

    private static OutboxRelay relay() {
        return service.context().getBean(OutboxRelay.class);
    }

    @SuppressWarnings("unchecked")
    private static OutboxRelay relayDyingBeforeTheMark() {
        Outbox real = service.context().getBean(Outbox.class);
        Outbox dying = new Outbox() {
            public Mono<Void> append(List<OutboxMessage> messages) {
                return real.append(messages);
            }

            public Flux<OutboxMessage> unpublished(int limit) {
                return real.unpublished(limit);
            }

            public Mono<Void> markPublished(List<Long> seqs, Instant at) {
                return Mono.error(new IllegalStateException("the relay died before the mark"));
            }

            public Mono<Long> backlog() {
                return real.backlog();
            }

            public Mono<Long> forgetPublishedBefore(Instant before, int limit) {
                return real.forgetPublishedBefore(before, limit);
            }
        };
        TransactionalOperator tx = TransactionalOperator.create(
                service.context().getBean(ReactiveTransactionManager.class));
        return new OutboxRelay(dying, new KafkaOutboxPublisher(service.context().getBean(KafkaTemplate.class)),
                new PostgresRelayLock(db(), tx), Clock.systemUTC(), 200);
    }

    private static DatabaseClient db() {
        return service.context().getBean(DatabaseClient.class);
    }
}
