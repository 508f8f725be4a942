package dev.ksefplatform.sync.schedule.adapter.kafka;

import dev.ksefplatform.schemas.serde.CommandEnvelopeSerializer;
import dev.ksefplatform.schemas.topic.MessageTypes;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.Actor;
import dev.ksefplatform.schemas.v1.CommandEnvelope;
import dev.ksefplatform.schemas.v1.SyncInbox;
import dev.ksefplatform.sync.schedule.application.OutboxMessage;
import dev.ksefplatform.sync.schedule.application.SyncCommandEncoder;
import dev.ksefplatform.sync.schedule.domain.SyncOrder;

/**
 * A sync order as the {@code CommandEnvelope} of {@code ksef.commands.v1}: message and correlation id = the
 * command id, key and tenant = the tenant, source {@code sync-service}, the actor of the order.
 */
public final class AvroSyncCommandEncoder implements SyncCommandEncoder {

    public static final String SOURCE = "sync-service";

    private final CommandEnvelopeSerializer serializer = new CommandEnvelopeSerializer();

    @Override
    public OutboxMessage encode(SyncOrder order) {
        CommandEnvelope envelope = envelope(order);
        byte[] record = serializer.serialize(Topics.COMMANDS.name(), envelope);
        return new OutboxMessage(OutboxMessage.NOT_STORED, order.commandId(), order.tenantId(), order.commandId(),
                MessageTypes.of(envelope.getPayload()), SOURCE, record, order.issuedAt());
    }

    static CommandEnvelope envelope(SyncOrder order) {
        return CommandEnvelope.newBuilder().setMessageId(order.commandId()).setTenantId(order.tenantId())
                .setCorrelationId(order.commandId()).setCausationId(null).setOccurredAt(order.issuedAt())
                .setSource(SOURCE)
                .setPayload(SyncInbox.newBuilder().setEnvironment(order.environment())
                        .setContextNip(order.contextNip()).setSubjectType(order.subjectType())
                        .setTrigger(order.trigger().name()).setFromHighWaterMark(order.fromHighWaterMark()).build())
                .setActor(Actor.newBuilder().setType(order.actorType()).setId(order.actorId()).build())
                .build();
    }
}
