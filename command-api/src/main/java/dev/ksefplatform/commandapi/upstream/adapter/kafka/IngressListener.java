package dev.ksefplatform.commandapi.upstream.adapter.kafka;

import dev.ksefplatform.commandapi.logging.LogIds;
import dev.ksefplatform.commandapi.upstream.application.IngressCommand;
import dev.ksefplatform.commandapi.upstream.application.IngressOutcome;
import dev.ksefplatform.commandapi.upstream.application.UpstreamIntake;
import dev.ksefplatform.schemas.serde.CommandEnvelopeDeserializer;
import dev.ksefplatform.schemas.topic.MessageHeaders;
import dev.ksefplatform.schemas.topic.MessageTypes;
import dev.ksefplatform.schemas.v1.CommandEnvelope;
import dev.ksefplatform.schemas.v1.SubmitInvoice;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.MessageListener;

/**
 * Takes the ingress topics' records one at a time: decoded, handed to {@link UpstreamIntake}, and refused to the
 * dead-letter topic with an event when it says so. Its offset is committed only after that: a failure (the database
 * or Kafka unavailable) throws, and the container retries the record until it goes through, so nothing is lost.
 */
public final class IngressListener implements MessageListener<String, byte[]> {

    private static final Logger log = LoggerFactory.getLogger(IngressListener.class);

    private final CommandEnvelopeDeserializer decoder = new CommandEnvelopeDeserializer();
    private final UpstreamIntake intake;
    private final IngressRefusals refusals;
    private final Duration timeout;

    public IngressListener(UpstreamIntake intake, IngressRefusals refusals, Duration timeout) {
        this.intake = intake;
        this.refusals = refusals;
        this.timeout = timeout;
    }

    @Override
    public void onMessage(ConsumerRecord<String, byte[]> record) {
        String system = IngressTopics.systemOf(record.topic());
        IngressCommand command;
        try {
            command = command(system, decoder.deserialize(record.topic(), record.headers(), record.value()));
        } catch (RuntimeException undecodable) {
            refuse(record, system, MessageHeaders.get(record.headers(), MessageHeaders.MESSAGE_ID).orElse(null), null,
                    "undecodable command: " + undecodable.getMessage());
            return;
        }
        IngressOutcome outcome = intake.take(command).block(timeout);
        if (outcome instanceof IngressOutcome.Refused refused) {
            refuse(record, system, command.messageId(), refused.tenantsOwn() ? command.tenantId() : null,
                    refused.reason());
        } else {
            String commandId = ((IngressOutcome.Accepted) outcome).commandId();
            LogIds.log(command.tenantId(), commandId, () -> log.info(
                    "upstream command accepted upstream={} tenantId={} commandId={}", system, command.tenantId(), commandId));
        }
    }

    private void refuse(ConsumerRecord<String, byte[]> record, String system, String messageId, String tenantId,
                        String reason) {
        LogIds.log(tenantId, messageId, () -> log.warn("upstream command refused upstream={} messageId={} tenantId={} "
                + "reason={}", system, messageId, tenantId, reason));
        refusals.refuse(record, system, messageId, tenantId, reason);
    }

    private static IngressCommand command(String system, CommandEnvelope envelope) {
        if (envelope == null) {
            throw new IllegalArgumentException("empty record");
        }
        Object payload = envelope.getPayload();
        byte[] xml = payload instanceof SubmitInvoice submit ? bytes(submit.getInvoice().getXml()) : null;
        return new IngressCommand(system, envelope.getMessageId(), envelope.getTenantId(), envelope.getOccurredAt(),
                MessageTypes.of(payload), xml);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
