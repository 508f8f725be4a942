package dev.ksefplatform.worker.intake.adapter.kafka;

import dev.ksefplatform.schemas.serde.CommandEnvelopeSerializer;
import dev.ksefplatform.schemas.topic.MessageHeaders;
import dev.ksefplatform.schemas.topic.MessageTypes;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.Actor;
import dev.ksefplatform.schemas.v1.CommandEnvelope;
import dev.ksefplatform.schemas.v1.FormCode;
import dev.ksefplatform.schemas.v1.InvoiceDocument;
import dev.ksefplatform.schemas.v1.SubmitInvoice;
import dev.ksefplatform.worker.engine.application.EventEncoder;
import dev.ksefplatform.worker.engine.application.UnsentCommand;
import dev.ksefplatform.worker.engine.application.UnsentDeadLetters;
import dev.ksefplatform.worker.engine.domain.CommandRef;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * The dead letter of a command refused after intake, rebuilt from its row as a {@code SubmitInvoice} under the
 * command's own id (an invoice of a batch: {@code <messageId>/<n>}), so a re-drive republishes exactly one invoice with
 * the bytes the worker took. The seller NIP is not kept: the context is written (command-api checks they are equal).
 */
public final class RebuiltDeadLetters implements UnsentDeadLetters {

    private final DeadLetters deadLetters;
    private final CommandEnvelopeSerializer serializer = new CommandEnvelopeSerializer();
    private final Clock clock;

    public RebuiltDeadLetters(DeadLetters deadLetters, Clock clock) {
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    @Override
    public List<EventEncoder.Encoded> of(UnsentCommand command, String reason) {
        CommandEnvelope envelope = envelope(command);
        DeadLetters.Origin origin = DeadLetters.Origin.stored(command.ref(), Topics.COMMANDS.name(),
                command.lane().partition(), command.sourceOffset(), serializer.serialize(Topics.COMMANDS.name(), envelope));
        origin.headers().put(MessageHeaders.MESSAGE_TYPE, utf8(MessageTypes.of(envelope.getPayload())));
        origin.headers().put(MessageHeaders.SOURCE, utf8(envelope.getSource()));
        return deadLetters.of(command.ref(), origin, reason);
    }

    private CommandEnvelope envelope(UnsentCommand command) {
        CommandRef ref = command.ref();
        return CommandEnvelope.newBuilder().setMessageId(ref.commandId()).setTenantId(ref.tenantId())
                .setCorrelationId(ref.correlationId()).setOccurredAt(clock.instant())
                .setSource(command.source() == null ? "tenant-worker" : command.source())
                .setActor(ref.actor() == null ? null : Actor.newBuilder().setType(ref.actor().type())
                        .setId(ref.actor().id()).setOnBehalfOf(ref.actor().onBehalfOf()).build())
                .setPayload(SubmitInvoice.newBuilder().setEnvironment(command.lane().environment())
                        .setContextNip(command.lane().contextNip())
                        .setFormCode(FormCode.newBuilder().setSystemCode(command.form().systemCode())
                                .setSchemaVersion(command.form().schemaVersion()).setValue(command.form().value()).build())
                        .setInvoice(InvoiceDocument.newBuilder().setXml(ByteBuffer.wrap(command.xml()))
                                .setSha256(command.invoiceHash()).setInvoiceNumber(command.invoiceNumber())
                                .setSellerNip(command.lane().contextNip()).setOfflineMode(command.offlineMode()).build())
                        .build())
                .build();
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
