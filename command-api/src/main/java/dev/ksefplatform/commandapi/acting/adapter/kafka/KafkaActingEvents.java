package dev.ksefplatform.commandapi.acting.adapter.kafka;

import dev.ksefplatform.commandapi.acting.application.ActingEvents;
import dev.ksefplatform.commandapi.acting.domain.StaffActing;
import dev.ksefplatform.schemas.topic.MessageHeaders;
import dev.ksefplatform.schemas.topic.MessageTypes;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.Actor;
import dev.ksefplatform.schemas.v1.AuditInfo;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.StaffActingEnded;
import dev.ksefplatform.schemas.v1.StaffActingStarted;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code StaffActingStarted}/{@code StaffActingEnded} on {@code ksef.events.v1}, keyed by the tenant; the audit names
 * the operator as a STAFF actor on behalf of the tenant, so audit-projector records both identities.
 */
public final class KafkaActingEvents implements ActingEvents, AutoCloseable {

    static final String SOURCE = "command-api";
    static final String STARTED = "staff.act-for.start";
    static final String ENDED = "staff.act-for.end";

    private final Producer<String, EventEnvelope> producer;
    private final Duration timeout;

    public KafkaActingEvents(Producer<String, EventEnvelope> producer, Duration timeout) {
        this.producer = producer;
        this.timeout = timeout;
    }

    @Override
    public Mono<Void> publish(StaffActing acting) {
        ProducerRecord<String, EventEnvelope> record = record(envelope(acting));
        return Mono.fromCallable(() -> producer.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS))
                .subscribeOn(Schedulers.boundedElastic()).then();
    }

    static EventEnvelope envelope(StaffActing acting) {
        boolean start = acting.phase() == StaffActing.Phase.START;
        Actor staff = Actor.newBuilder().setType("STAFF").setId(acting.operatorId()).setOnBehalfOf(acting.tenantId()).build();
        return EventEnvelope.newBuilder()
                .setMessageId(acting.eventId()).setTenantId(acting.tenantId()).setCorrelationId(acting.eventId())
                .setOccurredAt(acting.at()).setSource(SOURCE)
                .setAudit(AuditInfo.newBuilder().setOperation(start ? STARTED : ENDED).setTenantNip(acting.tenantNip())
                        .setActor(staff).build())
                .setPayload(start ? StaffActingStarted.newBuilder().setOperator(acting.operatorId()).build()
                        : StaffActingEnded.newBuilder().setOperator(acting.operatorId()).build())
                .build();
    }

    private static ProducerRecord<String, EventEnvelope> record(EventEnvelope event) {
        ProducerRecord<String, EventEnvelope> out = new ProducerRecord<>(Topics.EVENTS.name(), event.getTenantId(), event);
        MessageHeaders.put(out.headers(), MessageHeaders.MESSAGE_ID, event.getMessageId());
        MessageHeaders.put(out.headers(), MessageHeaders.TENANT_ID, event.getTenantId());
        MessageHeaders.put(out.headers(), MessageHeaders.CORRELATION_ID, event.getCorrelationId());
        MessageHeaders.put(out.headers(), MessageHeaders.MESSAGE_TYPE, MessageTypes.of(event.getPayload()));
        MessageHeaders.put(out.headers(), MessageHeaders.SOURCE, SOURCE);
        return out;
    }

    @Override
    public void close() {
        producer.close(timeout);
    }
}
