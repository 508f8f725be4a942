package dev.ksefplatform.commandapi.deadletter.adapter.kafka;

import dev.ksefplatform.commandapi.deadletter.domain.DeadLetter;
import dev.ksefplatform.commandapi.deadletter.domain.DeadLetterAddress;
import dev.ksefplatform.commandapi.deadletter.domain.Redrive;
import dev.ksefplatform.schemas.serde.CommandEnvelopeDeserializer;
import dev.ksefplatform.schemas.serde.EventEnvelopeSerializer;
import dev.ksefplatform.schemas.topic.MessageHeaders;
import dev.ksefplatform.schemas.topic.MessageTypes;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.Actor;
import dev.ksefplatform.schemas.v1.AuditInfo;
import dev.ksefplatform.schemas.v1.CommandEnvelope;
import dev.ksefplatform.schemas.v1.CommandRedriven;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.support.KafkaHeaders;

/** Dead-letter records read as {@link DeadLetter}s, and the two records of a re-drive. */
final class DeadLetterRecords {

    static final String OPERATION = "command.redrive";
    private static final String SOURCE = "command-api";

    private final CommandEnvelopeDeserializer commands = new CommandEnvelopeDeserializer();
    private final EventEnvelopeSerializer events = new EventEnvelopeSerializer();

    DeadLetter deadLetter(ConsumerRecord<String, byte[]> record) {
        DeadLetterAddress address = new DeadLetterAddress(record.topic(), record.partition(), record.offset());
        String originalTopic = MessageHeaders.get(record.headers(), KafkaHeaders.DLT_ORIGINAL_TOPIC).orElse(null);
        String reason = MessageHeaders.get(record.headers(), KafkaHeaders.DLT_EXCEPTION_MESSAGE).orElse(null);
        Instant at = Instant.ofEpochMilli(record.timestamp());
        CommandEnvelope command = decode(record);
        if (command == null) {
            return new DeadLetter(address, originalTopic, reason, at, record.key(), null, null, null);
        }
        return new DeadLetter(address, originalTopic, reason, at, command.getTenantId(), command.getMessageId(),
                command.getCorrelationId(), MessageTypes.of(command.getPayload()));
    }

    /** The command as it came (key, bytes, the platform's id headers), marked as a re-drive of its dead letter. */
    ProducerRecord<String, byte[]> command(ConsumerRecord<String, byte[]> dead, Redrive redrive) {
        ProducerRecord<String, byte[]> out = new ProducerRecord<>(Topics.COMMANDS.name(), redrive.tenantId(),
                dead.value());
        for (Header header : dead.headers()) {
            if (header.key().startsWith("ksef-") && !header.key().equals(MessageHeaders.REDRIVE_OF)) {
                out.headers().add(header);
            }
        }
        MessageHeaders.put(out.headers(), MessageHeaders.MESSAGE_ID, redrive.commandId());
        MessageHeaders.put(out.headers(), MessageHeaders.TENANT_ID, redrive.tenantId());
        MessageHeaders.put(out.headers(), MessageHeaders.REDRIVE_OF, redrive.deadLetter());
        return out;
    }

    /** {@code CommandRedriven}; its id is derived from the dead letter, so a relay's repeat is the same event. */
    ProducerRecord<String, byte[]> event(Redrive redrive) {
        EventEnvelope event = EventEnvelope.newBuilder()
                .setMessageId(UUID.nameUUIDFromBytes(("redriven " + redrive.deadLetter())
                        .getBytes(StandardCharsets.UTF_8)).toString())
                .setTenantId(redrive.tenantId()).setCorrelationId(redrive.correlationId())
                .setCausationId(redrive.commandId()).setOccurredAt(redrive.requestedAt()).setSource(SOURCE)
                .setAudit(AuditInfo.newBuilder().setOperation(OPERATION)
                        .setActor(Actor.newBuilder().setType("STAFF").setId(redrive.operator()).build()).build())
                .setPayload(CommandRedriven.newBuilder().setDeadLetter(redrive.deadLetter())
                        .setOperator(redrive.operator()).setNote(redrive.note()).build())
                .build();
        ProducerRecord<String, byte[]> out = new ProducerRecord<>(Topics.EVENTS.name(), event.getTenantId(),
                events.serialize(Topics.EVENTS.name(), event));
        MessageHeaders.put(out.headers(), MessageHeaders.MESSAGE_ID, event.getMessageId());
        MessageHeaders.put(out.headers(), MessageHeaders.TENANT_ID, event.getTenantId());
        MessageHeaders.put(out.headers(), MessageHeaders.CORRELATION_ID, event.getCorrelationId());
        MessageHeaders.put(out.headers(), MessageHeaders.CAUSATION_ID, event.getCausationId());
        MessageHeaders.put(out.headers(), MessageHeaders.MESSAGE_TYPE, MessageTypes.of(event.getPayload()));
        MessageHeaders.put(out.headers(), MessageHeaders.SOURCE, SOURCE);
        return out;
    }

    private CommandEnvelope decode(ConsumerRecord<String, byte[]> record) {
        try {
            return record.value() == null || record.value().length == 0 ? null
                    : commands.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException poison) {
            return null; // a poison record: shown, never re-driven
        }
    }
}
