package dev.ksefplatform.systemtests.faults;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ksefplatform.deploy.Apps;
import dev.ksefplatform.deploy.PlatformClient;
import dev.ksefplatform.deploy.PlatformClient.Tenant;
import dev.ksefplatform.schemas.serde.EventEnvelopeDeserializer;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.CommandDeadLettered;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.InvoiceAccepted;
import dev.ksefplatform.schemas.v1.InvoiceDuplicate;
import dev.ksefplatform.schemas.v1.InvoiceRejected;
import dev.ksefplatform.schemas.v1.InvoiceSubmissionAbandoned;
import dev.ksefplatform.systemtests.KafkaLog;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** What the platform says became of each command, and what the simulator says it received. */
final class Outcomes {

    private static final Set<String> NOT_FINAL = Set.of("PENDING", "SENT");
    private static final Set<Class<?>> FINAL_EVENTS = Set.of(InvoiceAccepted.class, InvoiceRejected.class,
            InvoiceDuplicate.class, InvoiceSubmissionAbandoned.class, CommandDeadLettered.class);

    private final PlatformClient client;

    Outcomes(PlatformClient client) {
        this.client = client;
    }

    /** Polls command-api until every command is final; command id → its status document. */
    Map<String, JsonNode> awaitFinal(Map<String, Tenant> commands, Duration timeout) {
        Map<String, JsonNode> done = new HashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (done.size() < commands.size() && System.nanoTime() < deadline) {
            commands.forEach((id, tenant) -> done.computeIfAbsent(id, c -> finalStatus(tenant, c)));
            done.values().removeIf(java.util.Objects::isNull);
            pause(done.size() < commands.size() ? 1_000 : 0);
        }
        return done;
    }

    /**
     * correlation (command) id → how many distinct final events (by event id) the events topic holds for it. The
     * worker's outbox may publish the same event again after a crash or a database outage (CONTRACTS: consumers
     * de-duplicate by {@code messageId}); a second *decision* would be a second event id.
     */
    static Map<String, Long> finalEventsPerCommand(String kafka) {
        return KafkaLog.readAll(kafka, Topics.EVENTS.name(), new EventEnvelopeDeserializer()).stream()
                .map(r -> r.value()).filter(e -> FINAL_EVENTS.contains(e.getPayload().getClass()))
                .collect(Collectors.groupingBy(EventEnvelope::getCorrelationId, Collectors.collectingAndThen(
                        Collectors.mapping(EventEnvelope::getMessageId, Collectors.toSet()), ids -> (long) ids.size())));
    }

    /** For a failure report: the types of the events each of these commands has on the events topic, in order. */
    static Map<String, java.util.List<String>> eventTypes(String kafka, Set<String> commands) {
        Map<String, java.util.List<String>> types = new java.util.TreeMap<>();
        commands.forEach(id -> types.put(id, new java.util.ArrayList<>()));
        KafkaLog.readAll(kafka, Topics.EVENTS.name(), new EventEnvelopeDeserializer()).stream().map(r -> r.value())
                .filter(e -> commands.contains(e.getCorrelationId()))
                .forEach(e -> types.get(e.getCorrelationId()).add(e.getPayload().getClass().getSimpleName()));
        return types;
    }

    /** {@code InvoiceDuplicate} events of these commands (other tests on the same broker make duplicates on purpose). */
    static long duplicateEvents(String kafka, Set<String> commands) {
        return KafkaLog.readAll(kafka, Topics.EVENTS.name(), new EventEnvelopeDeserializer()).stream()
                .map(r -> r.value()).filter(e -> e.getPayload() instanceof InvoiceDuplicate)
                .filter(e -> commands.contains(e.getCorrelationId())).count();
    }

    /** The simulator's counters for one context: {@code invoicesReceived}, {@code receivedMoreThanOnce}, … */
    JsonNode received(Tenant tenant) {
        return client.get(Apps.SIMULATOR, "/sim/v1/stats?contextNip=" + tenant.nip(), null).body()
                .path("contexts").path(tenant.nip());
    }

    /** The simulator's accepted invoices of one seller. */
    JsonNode accepted(Tenant tenant) {
        return client.get(Apps.SIMULATOR, "/sim/v1/invoices?sellerNip=" + tenant.nip(), null).body();
    }

    private JsonNode finalStatus(Tenant tenant, String commandId) {
        PlatformClient.Answer answer = client.invoiceStatus(tenant, commandId);
        boolean done = answer.status() == 200 && !NOT_FINAL.contains(answer.body().path("status").asText());
        return done ? answer.body() : null;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
