package dev.ksefplatform.commandapi;

import dev.ksefplatform.schemas.serde.EventEnvelopeSerializer;
import dev.ksefplatform.schemas.topic.MessageHeaders;
import dev.ksefplatform.schemas.topic.MessageTypes;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.Actor;
import dev.ksefplatform.schemas.v1.AuditInfo;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.KsefCallRecorded;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** {@code KsefCallRecorded} events as the worker and credential-service publish them, for audit-projector to fold. */
final class AuditEvents implements AutoCloseable {

    static final String PROVIDER_NIP = "7010002137";

    private final KafkaProducer<String, EventEnvelope> producer;

    AuditEvents(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new EventEnvelopeSerializer());
    }

    /** One KSeF call ({@code calls} > 1: a run of status polls) made for the tenant, by {@code actor}. */
    void call(String tenantId, String commandId, Instant at, Call call, Actor actor) throws Exception {
        AuditInfo audit = AuditInfo.newBuilder().setOperation(call.operation()).setTenantNip(call.contextNip())
                .setProviderNip(PROVIDER_NIP).setHttpStatus(call.httpStatus()).setDurationMillis(42L)
                .setIntegrationId(call.integrationId()).setActor(actor)
                .setError(call.httpStatus() >= 400 ? "KSeF answered " + call.httpStatus() : null).build();
        KsefCallRecorded payload = KsefCallRecorded.newBuilder().setMethod(call.method()).setEndpoint(call.endpoint())
                .setCalls(call.calls()).setFirstCallAt(at.truncatedTo(ChronoUnit.MILLIS))
                .setSessionReferenceNumber("20261203-SO-1").build();
        publish(EventEnvelope.newBuilder().setMessageId(UUID.randomUUID().toString()).setTenantId(tenantId)
                .setCorrelationId(commandId).setCausationId(commandId).setOccurredAt(at.truncatedTo(ChronoUnit.MILLIS))
                .setSource("tenant-worker").setAudit(audit).setPayload(payload).build());
    }

    static Actor tenant(String keyId) {
        return Actor.newBuilder().setType("TENANT").setId(keyId).build();
    }

    static Actor staff(String operatorId, String tenantId) {
        return Actor.newBuilder().setType("STAFF").setId(operatorId).setOnBehalfOf(tenantId).build();
    }

    /** What one recorded call says. */
    record Call(String operation, String method, String endpoint, String contextNip, String integrationId,
                int httpStatus, int calls) {

        static Call send(String contextNip, String integrationId, int httpStatus) {
            return new Call("ksef.session.invoice.send", "POST", "/sessions/online/{referenceNumber}/invoices",
                    contextNip, integrationId, httpStatus, 1);
        }

        static Call polls(String contextNip, String integrationId, int calls) {
            return new Call("ksef.session.status", "GET", "/sessions/{referenceNumber}", contextNip, integrationId,
                    200, calls);
        }
    }

    private void publish(EventEnvelope event) throws Exception {
        ProducerRecord<String, EventEnvelope> record =
                new ProducerRecord<>(Topics.EVENTS.name(), event.getTenantId().toString(), event);
        MessageHeaders.put(record.headers(), MessageHeaders.MESSAGE_ID, event.getMessageId().toString());
        MessageHeaders.put(record.headers(), MessageHeaders.TENANT_ID, event.getTenantId().toString());
        MessageHeaders.put(record.headers(), MessageHeaders.CORRELATION_ID, event.getCorrelationId().toString());
        MessageHeaders.put(record.headers(), MessageHeaders.CAUSATION_ID, event.getCausationId().toString());
        MessageHeaders.put(record.headers(), MessageHeaders.MESSAGE_TYPE, MessageTypes.of(event.getPayload()));
        producer.send(record).get(20, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        producer.close();
    }
}
