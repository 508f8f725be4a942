package dev.ksefplatform.credentials.integration.adapter.kafka;

import dev.ksefplatform.credentials.integration.application.IntegrationEvents;
import dev.ksefplatform.credentials.integration.domain.IntegrationEvent;
import dev.ksefplatform.credentials.outbox.application.Outbox;
import dev.ksefplatform.credentials.outbox.application.OutboxMessage;
import dev.ksefplatform.schemas.serde.EventEnvelopeSerializer;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import java.util.List;
import java.util.function.Function;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Records integration events in the outbox as encoded envelopes (key = the envelope's tenant id) in the transaction
 * of the change they report; the outbox relay sends them to {@code ksef.events.v1}.
 */
public final class OutboxIntegrationEvents implements IntegrationEvents {

    private final Outbox outbox;
    private final IntegrationEventMapper mapper;
    private final TransactionalOperator transaction;
    private final EventEnvelopeSerializer serializer = new EventEnvelopeSerializer();

    public OutboxIntegrationEvents(Outbox outbox, IntegrationEventMapper mapper, TransactionalOperator transaction) {
        this.outbox = outbox;
        this.mapper = mapper;
        this.transaction = transaction;
    }

    @Override
    public <T> Mono<T> recorded(Mono<T> change, Function<? super T, ? extends IntegrationEvent> event) {
        return change.flatMap(done -> append(List.of(event.apply(done))).thenReturn(done))
                .as(transaction::transactional);
    }

    @Override
    public Mono<Void> publishAll(List<? extends IntegrationEvent> events) {
        return append(events).as(transaction::transactional);
    }

    private Mono<Void> append(List<? extends IntegrationEvent> events) {
        return Flux.fromIterable(events).map(mapper::toEnvelope).map(this::message).collectList()
                .flatMap(outbox::append);
    }

    private OutboxMessage message(EventEnvelope envelope) {
        return OutboxMessage.unsaved(envelope.getMessageId(), envelope.getTenantId(),
                serializer.serialize(Topics.EVENTS.name(), envelope), envelope.getOccurredAt());
    }
}
