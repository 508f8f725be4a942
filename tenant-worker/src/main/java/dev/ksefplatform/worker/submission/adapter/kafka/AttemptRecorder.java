package dev.ksefplatform.worker.submission.adapter.kafka;

import dev.ksefplatform.schemas.v1.CommandEnvelope;
import dev.ksefplatform.schemas.v1.SubmitInvoice;
import dev.ksefplatform.worker.submission.application.FailedCommands;
import dev.ksefplatform.worker.submission.application.TransientFailure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.RetryListener;

/**
 * Logs each failed attempt and records a {@code KsefCallFailed}/{@code RateLimited} event for a
 * transient one. It runs inside the after-rollback transaction, so the event commits with it.
 */
class AttemptRecorder implements RetryListener {

    private static final Logger log = LoggerFactory.getLogger(AttemptRecorder.class);

    private final FailedCommands failed;
    private final int maxAttempts;

    AttemptRecorder(FailedCommands failed, int maxAttempts) {
        this.failed = failed;
        this.maxAttempts = maxAttempts;
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
        Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
        log.warn("command attempt failed tenantId={} partition={} offset={} attempt={} error={}", record.key(),
                record.partition(), record.offset(), deliveryAttempt, cause.getMessage());
        if (cause instanceof TransientFailure failure && record.value() instanceof CommandEnvelope command
                && command.getPayload() instanceof SubmitInvoice submit) {
            failed.attemptFailed(CommandMapper.ref(command), submit.getContextNip(), failure, deliveryAttempt,
                    deliveryAttempt < maxAttempts);
        }
    }
}
