package dev.ksefplatform.worker.intake.adapter.kafka;

import dev.ksefplatform.schemas.v1.CommandEnvelope;
import dev.ksefplatform.schemas.v1.SubmitInvoice;
import dev.ksefplatform.schemas.v1.VerifyIntegration;
import dev.ksefplatform.worker.intake.application.Redrive;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record carrying {@code ksef-redrive-of} into a {@link Redrive}. Only the two kinds the worker dead-letters after
 * taking them can come back: a {@code SubmitInvoice} (its lane found no integration) and a {@code VerifyIntegration}
 * (credential-service knew no such integration). Anything else is refused as it came.
 */
final class RedrivenRecords {

    private RedrivenRecords() {
    }

    static Redrive of(ConsumerRecord<String, byte[]> record, CommandEnvelope envelope, String redriveOf,
                      DeadLetters deadLetters, Instant now) {
        Object payload = envelope.getPayload();
        if (payload instanceof SubmitInvoice) {
            return new Redrive(redriveOf, IntakeMapper.commands(envelope, record.partition(), record.offset(), now)
                    .get(0), null, reason -> deadLetters.of(record, reason));
        }
        if (payload instanceof VerifyIntegration) {
            return new Redrive(redriveOf, null, IntakeMapper.verification(envelope, record.partition(),
                    record.offset(), record.value(), now), reason -> deadLetters.of(record, reason));
        }
        throw new IntakeMapper.Refused("re-drive refused: a " + payload.getClass().getSimpleName()
                + " is never dead-lettered after intake, so it is not re-driven: send it anew");
    }
}
