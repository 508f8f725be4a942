package dev.ksefplatform.worker.engine.adapter.kafka;

import dev.ksefplatform.schemas.serde.EventEnvelopeSerializer;
import dev.ksefplatform.schemas.topic.MessageHeaders;
import dev.ksefplatform.schemas.topic.MessageTypes;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.worker.engine.application.EventEncoder;
import dev.ksefplatform.worker.engine.domain.WorkerEvent;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Events as {@code ksef.events.v1} records: Avro single-object encoding, keyed by tenant, the ids as headers. */
public final class AvroEventEncoder implements EventEncoder {

    private final EventEnvelopeSerializer serializer = new EventEnvelopeSerializer();

    @Override
    public Encoded encode(WorkerEvent event) {
        return record(EventMapper.envelope(event));
    }

    /** A run of KSeF calls as a {@code KsefCallRecorded} event, for the audit log. */
    public Encoded callRecorded(dev.ksefplatform.worker.engine.application.CallLog.Run run, java.time.Instant now) {
        var call = run.first();
        var cause = call.cause();
        var audit = dev.ksefplatform.schemas.v1.AuditInfo.newBuilder().setOperation("ksef.call")
                .setTenantNip(call.lane().contextNip()).setProviderNip(call.providerNip())
                .setIntegrationId(call.integrationId()).setHttpStatus(call.httpStatus() == 0 ? null : call.httpStatus())
                .setKsefCode(call.ksefCode()).setDurationMillis(run.durationMillis()).setError(call.error())
                .setActor(cause.actor() == null ? null : dev.ksefplatform.schemas.v1.Actor.newBuilder()
                        .setType(cause.actor().type()).setId(cause.actor().id())
                        .setOnBehalfOf(cause.actor().onBehalfOf()).build())
                .build();
        return record(EventEnvelope.newBuilder().setMessageId(java.util.UUID.randomUUID().toString())
                .setTenantId(cause.tenantId())
                .setCorrelationId(cause.correlationId() != null ? cause.correlationId() : cause.commandId())
                .setCausationId(cause.commandId()).setOccurredAt(now).setSource(EventMapper.SOURCE).setAudit(audit)
                .setPayload(dev.ksefplatform.schemas.v1.KsefCallRecorded.newBuilder().setMethod(call.method())
                        .setEndpoint(call.endpoint()).setCalls(run.calls()).setFirstCallAt(call.at()).build())
                .build());
    }

    /** Any envelope of the worker as the record the outbox keeps. */
    public Encoded record(EventEnvelope envelope) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        put(headers, MessageHeaders.MESSAGE_ID, envelope.getMessageId());
        put(headers, MessageHeaders.TENANT_ID, envelope.getTenantId());
        put(headers, MessageHeaders.CORRELATION_ID, envelope.getCorrelationId());
        put(headers, MessageHeaders.CAUSATION_ID, envelope.getCausationId());
        put(headers, MessageHeaders.MESSAGE_TYPE, MessageTypes.of(envelope.getPayload()));
        put(headers, MessageHeaders.SOURCE, envelope.getSource());
        return new Encoded(Topics.EVENTS.name(), envelope.getTenantId(), envelope.getMessageId(),
                serializer.serialize(Topics.EVENTS.name(), envelope), headers);
    }

    private static void put(Map<String, byte[]> headers, String name, String value) {
        if (value != null) {
            headers.put(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
