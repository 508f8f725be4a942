package dev.ksefplatform.worker.submission.adapter.kafka;

import dev.ksefplatform.schemas.topic.MessageHeaders;
import dev.ksefplatform.schemas.v1.CommandEnvelope;
import dev.ksefplatform.schemas.v1.SubmitInvoice;
import dev.ksefplatform.worker.submission.application.FailedCommands;
import dev.ksefplatform.worker.submission.application.TransientFailure;
import dev.ksefplatform.worker.submission.domain.CommandRef;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/**
 * The last step for a command that could not be processed: it goes to the dead-letter topic and a
 * final event says so, in the same transaction as the offset commit.
 */
public class CommandRecoverer implements BiConsumer<ConsumerRecord<?, ?>, Exception> {

    private static final String UNKNOWN = "unknown";

    private final DeadLetterPublishingRecoverer deadLetters;
    private final FailedCommands failed;
    private final int maxAttempts;

    public CommandRecoverer(DeadLetterPublishingRecoverer deadLetters, FailedCommands failed, int maxAttempts) {
        this.deadLetters = deadLetters;
        this.failed = failed;
        this.maxAttempts = maxAttempts;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Exception exception) {
        deadLetters.accept(record, exception);
        Throwable cause = unwrap(exception);
        if (record.value() instanceof CommandEnvelope command && command.getPayload() instanceof SubmitInvoice submit
                && !(cause instanceof UnsupportedCommand)) {
            failed.abandoned(CommandMapper.ref(command), submit.getContextNip(),
                    submit.getInvoice().getInvoiceNumber(), "retries exhausted: " + cause.getMessage(), maxAttempts,
                    cause instanceof TransientFailure failure ? failure.httpStatus() : null);
        } else {
            failed.deadLettered(ref(record), cause.getMessage(), record.topic(), record.partition(), record.offset());
        }
    }

    private static Throwable unwrap(Exception exception) {
        Throwable cause = exception;
        while (cause instanceof ListenerExecutionFailedException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static CommandRef ref(ConsumerRecord<?, ?> record) {
        if (record.value() instanceof CommandEnvelope command) {
            return CommandMapper.ref(command);
        }
        String tenantId = record.key() instanceof String key ? key
                : MessageHeaders.get(record.headers(), MessageHeaders.TENANT_ID).orElse(UNKNOWN);
        String messageId = MessageHeaders.get(record.headers(), MessageHeaders.MESSAGE_ID)
                .orElse(record.topic() + "-" + record.partition() + "@" + record.offset());
        return new CommandRef(messageId, tenantId,
                MessageHeaders.get(record.headers(), MessageHeaders.CORRELATION_ID).orElse(messageId));
    }
}
