package dev.ksefplatform.worker.submission.adapter.kafka;

import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.worker.submission.application.FailedCommands;
import java.time.Duration;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/** Builds the transactional failure path: retry with backoff, then dead-letter plus a final event. */
public final class CommandFailureHandling {

    private CommandFailureHandling() {
    }

    /**
     * @param maxAttempts total deliveries of a failing command, the first included
     */
    public static DefaultAfterRollbackProcessor<Object, Object> afterRollbackProcessor(
            KafkaOperations<Object, Object> kafka, FailedCommands failed, int maxAttempts, Duration initialInterval,
            double multiplier, Duration maxInterval, Duration maxRetryAfter) {
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(maxAttempts - 1);
        backOff.setInitialInterval(initialInterval.toMillis());
        backOff.setMultiplier(multiplier);
        backOff.setMaxInterval(maxInterval.toMillis());
        CommandRecoverer recoverer = new CommandRecoverer(deadLetters(kafka), failed, maxAttempts);
        DefaultAfterRollbackProcessor<Object, Object> processor = new DefaultAfterRollbackProcessor<>(recoverer,
                backOff, new RetryAfterBackOffHandler(maxRetryAfter), kafka, true);
        processor.addNotRetryableExceptions(UnsupportedCommand.class);
        processor.setResetStateOnExceptionChange(false);
        processor.setRetryListeners(new AttemptRecorder(failed, maxAttempts));
        return processor;
    }

    // Partition -1: the producer's partitioner places it by key, whatever the DLT's partition count.
    private static DeadLetterPublishingRecoverer deadLetters(KafkaOperations<Object, Object> kafka) {
        return new DeadLetterPublishingRecoverer(kafka,
                (record, exception) -> new TopicPartition(Topics.COMMANDS_DLT.name(), -1));
    }
}
