package dev.ksefplatform.worker.submission.adapter.kafka;

import dev.ksefplatform.schemas.topic.MessageTypes;
import dev.ksefplatform.schemas.v1.CommandEnvelope;
import dev.ksefplatform.schemas.v1.FormCode;
import dev.ksefplatform.schemas.v1.InvoiceDocument;
import dev.ksefplatform.schemas.v1.SubmitInvoice;
import dev.ksefplatform.worker.submission.domain.CommandRef;
import dev.ksefplatform.worker.submission.domain.InvoiceSubmission;
import java.nio.ByteBuffer;

/** Turns {@code ksef.commands.v1} records into domain commands. */
final class CommandMapper {

    private CommandMapper() {
    }

    static CommandRef ref(CommandEnvelope envelope) {
        return new CommandRef(envelope.getMessageId(), envelope.getTenantId(), envelope.getCorrelationId());
    }

    static InvoiceSubmission submission(CommandEnvelope envelope) {
        if (!(envelope.getPayload() instanceof SubmitInvoice submit)) {
            throw new UnsupportedCommand(MessageTypes.of(envelope.getPayload()));
        }
        InvoiceDocument invoice = submit.getInvoice();
        return new InvoiceSubmission(ref(envelope), submit.getEnvironment(), submit.getContextNip(),
                form(submit.getFormCode()), bytes(invoice.getXml()), invoice.getSha256(),
                invoice.getInvoiceNumber(), invoice.getOfflineMode());
    }

    private static InvoiceSubmission.InvoiceForm form(FormCode code) {
        return new InvoiceSubmission.InvoiceForm(code.getSystemCode(), code.getSchemaVersion(), code.getValue());
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
