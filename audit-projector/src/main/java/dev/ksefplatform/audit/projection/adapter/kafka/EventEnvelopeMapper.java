package dev.ksefplatform.audit.projection.adapter.kafka;

import dev.ksefplatform.audit.log.domain.Actor;
import dev.ksefplatform.audit.log.domain.AuditedEvent;
import dev.ksefplatform.schemas.topic.MessageTypes;
import dev.ksefplatform.schemas.v1.AuditInfo;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.support.projection.adapter.kafka.EventMapper;
import dev.ksefplatform.support.projection.adapter.kafka.UnmappableEvent;
import java.util.Optional;

/** The one mapper of {@code ksef.events.v1}: every event type becomes an {@link AuditedEvent}, so none is empty. */
public final class EventEnvelopeMapper implements EventMapper<AuditedEvent> {

    /** @throws UnmappableEvent when the record has no value or a payload without a wire name */
    @Override
    public Optional<AuditedEvent> toDomain(EventEnvelope envelope, String tenantKey) {
        if (envelope == null) {
            throw new UnmappableEvent("-", "record of key " + tenantKey + " has no value");
        }
        AuditInfo audit = envelope.getAudit();
        return Optional.of(new AuditedEvent(envelope.getMessageId(), envelope.getTenantId(), eventType(envelope),
                envelope.getCorrelationId(), envelope.getCausationId(), envelope.getOccurredAt(), envelope.getSource(),
                audit.getOperation(), audit.getTenantNip(), audit.getProviderNip(), audit.getHttpStatus(),
                audit.getDurationMillis(), audit.getError(), audit.getIntegrationId(), audit.getKsefCode(),
                actor(audit.getActor()), EventDetails.of(envelope.getPayload())));
    }

    private static Actor actor(dev.ksefplatform.schemas.v1.Actor actor) {
        return actor == null ? null : new Actor(actor.getType(), actor.getId(), actor.getOnBehalfOf());
    }

    private static String eventType(EventEnvelope envelope) {
        try {
            return MessageTypes.of(envelope.getPayload());
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new UnmappableEvent(envelope.getMessageId(), "payload has no wire name");
        }
    }
}
