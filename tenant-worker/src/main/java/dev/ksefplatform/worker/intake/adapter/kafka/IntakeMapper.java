package dev.ksefplatform.worker.intake.adapter.kafka;

import dev.ksefplatform.schemas.v1.CommandEnvelope;
import dev.ksefplatform.schemas.v1.FormCode;
import dev.ksefplatform.schemas.v1.InvoiceDocument;
import dev.ksefplatform.schemas.v1.SubmitInvoice;
import dev.ksefplatform.schemas.v1.SubmitInvoiceBatch;
import dev.ksefplatform.schemas.v1.SyncInbox;
import dev.ksefplatform.schemas.v1.VerifyIntegration;
import dev.ksefplatform.worker.engine.domain.CommandRef;
import dev.ksefplatform.worker.engine.domain.InvoiceForm;
import dev.ksefplatform.worker.engine.domain.LaneKey;
import dev.ksefplatform.worker.intake.application.NewCommand;
import dev.ksefplatform.worker.intake.application.NewInboxSync;
import dev.ksefplatform.worker.intake.application.NewVerification;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Commands off the wire into queued rows; what the worker cannot take is refused with a reason. */
final class IntakeMapper {

    private static final List<String> SUBJECT_TYPES = List.of("Subject1", "Subject2", "Subject3", "SubjectAuthorized");

    private IntakeMapper() {
    }

    static List<NewCommand> commands(CommandEnvelope envelope, int partition, long offset, Instant now) {
        Object payload = envelope.getPayload();
        if (payload instanceof SubmitInvoice submit) {
            LaneKey lane = new LaneKey(envelope.getTenantId(), submit.getEnvironment(), submit.getContextNip(), partition);
            return List.of(invoice(ref(envelope, envelope.getMessageId()), lane, envelope.getSource(), submit.getFormCode(),
                    submit.getInvoice(), offset, now));
        }
        if (payload instanceof SubmitInvoiceBatch batch) {
            LaneKey lane = new LaneKey(envelope.getTenantId(), batch.getEnvironment(), batch.getContextNip(), partition);
            List<NewCommand> commands = new ArrayList<>();
            for (int i = 0; i < batch.getInvoices().size(); i++) {
                // each invoice of a batch command gets its own command id (and its own outcome), correlated to the batch
                commands.add(invoice(ref(envelope, envelope.getMessageId() + "/" + (i + 1)), lane, envelope.getSource(),
                        batch.getFormCode(), batch.getInvoices().get(i), offset, now));
            }
            return commands;
        }
        throw new Refused(payload.getClass().getSimpleName() + " is not supported by this worker yet");
    }

    /**
     * Refuses a command created before {@code now - within}: finished work is kept for the worker's retention only
     * (README, "Retention"), so past it the worker could not tell whether this command already ran. A command the
     * commands topic still holds is always younger (7 days); only a producer sending an old command again is refused.
     */
    static void requireRecent(CommandEnvelope envelope, Instant now, Duration within) {
        Instant created = envelope.getOccurredAt();
        if (created.isBefore(now.minus(within))) {
            throw new Refused("command " + envelope.getMessageId() + " was created at " + created + ", more than "
                    + within.toDays() + " days ago: the worker keeps finished commands only that long, so it cannot"
                    + " tell whether this one already ran; send it anew with a new command id");
        }
    }

    /** A {@code SyncInbox}, or null for any other command. */
    static NewInboxSync sync(CommandEnvelope envelope, int partition, Instant now) {
        if (!(envelope.getPayload() instanceof SyncInbox sync)) {
            return null;
        }
        if (!SUBJECT_TYPES.contains(sync.getSubjectType())) {
            throw new Refused("unknown subjectType " + sync.getSubjectType() + ": one of " + SUBJECT_TYPES);
        }
        LaneKey lane = new LaneKey(envelope.getTenantId(), sync.getEnvironment(), sync.getContextNip(), partition);
        return new NewInboxSync(ref(envelope, envelope.getMessageId()), lane, sync.getSubjectType(),
                sync.getFromHighWaterMark(), now);
    }

    /** A {@code VerifyIntegration}, or null for any other command. */
    static NewVerification verification(CommandEnvelope envelope, int partition, long offset, byte[] original,
                                        Instant now) {
        if (!(envelope.getPayload() instanceof VerifyIntegration verify)) {
            return null;
        }
        if (verify.getIntegrationId() == null || verify.getIntegrationId().isBlank()) {
            throw new Refused("integrationId is required");
        }
        String trigger = verify.getTrigger() == null ? "REQUEST" : verify.getTrigger();
        return new NewVerification(ref(envelope, envelope.getMessageId()), partition, verify.getIntegrationId(),
                verify.getEnvironment(), trigger, now, original, offset);
    }

    private static NewCommand invoice(CommandRef ref, LaneKey lane, String source, FormCode form,
                                      InvoiceDocument document, long offset, Instant now) {
        if (document.getPayloadReference() != null) {
            throw new Refused("invoice payload references (claim checks) are not accepted on ksef.commands.v1: "
                    + "the XML must travel in the command");
        }
        byte[] xml = bytes(document.getXml());
        if (xml.length == 0) {
            throw new Refused("the invoice XML is empty");
        }
        return new NewCommand(ref, lane, NewCommand.SUBMIT_INVOICE, source, now,
                new InvoiceForm(form.getSystemCode(), form.getSchemaVersion(), form.getValue()),
                document.getInvoiceNumber(), sha256(xml), document.getOfflineMode(), xml, offset);
    }

    private static CommandRef ref(CommandEnvelope envelope, String commandId) {
        dev.ksefplatform.schemas.v1.Actor actor = envelope.getActor();
        return new CommandRef(commandId, envelope.getTenantId(), envelope.getCorrelationId(), actor == null ? null
                : new CommandRef.Actor(actor.getType(), actor.getId(), actor.getOnBehalfOf()));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }

    static String sha256(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The command is well-formed but the worker cannot act on it: dead-lettered with this reason. */
    static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason);
        }
    }
}
