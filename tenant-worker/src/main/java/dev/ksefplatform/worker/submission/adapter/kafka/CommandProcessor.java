package dev.ksefplatform.worker.submission.adapter.kafka;

import dev.ksefplatform.schemas.topic.MessageHeaders;
import dev.ksefplatform.schemas.v1.CommandEnvelope;
import dev.ksefplatform.schemas.v1.SubmitInvoice;
import dev.ksefplatform.worker.submission.application.FailedCommands;
import dev.ksefplatform.worker.submission.application.SubmitInvoiceHandler;
import dev.ksefplatform.worker.submission.application.TransientFailure;
import dev.ksefplatform.worker.submission.domain.CommandRef;
import dev.ksefplatform.worker.submission.domain.InvoiceSubmission;
import dev.ksefplatform.worker.submission.domain.SubmissionOutcome;
import io.confluent.parallelconsumer.PollContext;
import io.confluent.parallelconsumer.RecordContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parallel consumer's function for one {@code ksef.commands.v1} record. It returns what to
 * produce in the transaction that commits the record's offset: the command's events, or the DLT
 * record and a final event. A transient failure with attempts left is thrown as {@link RetryLater},
 * so only this tenant's lane waits; its {@code KsefCallFailed} event is sent at once, outside the
 * transaction, because the attempt happened whatever becomes of the command.
 */
class CommandProcessor {

    private static final Logger log = LoggerFactory.getLogger(CommandProcessor.class);
    private static final String UNKNOWN = "unknown";

    private final SubmitInvoiceHandler submissions;
    private final FailedCommands failed;
    private final KafkaWorkerEvents events;
    private final int maxAttempts;
    private final Consumer<List<ProducerRecord<String, Object>>> sendNow;

    /**
     * @param maxAttempts total attempts of a failing command, the first included
     * @param sendNow     sends records at once, without completing the command
     */
    CommandProcessor(SubmitInvoiceHandler submissions, FailedCommands failed, KafkaWorkerEvents events,
                     int maxAttempts, Consumer<List<ProducerRecord<String, Object>>> sendNow) {
        this.submissions = submissions;
        this.failed = failed;
        this.events = events;
        this.maxAttempts = maxAttempts;
        this.sendNow = sendNow;
    }

    List<ProducerRecord<String, Object>> process(PollContext<String, Object> context) {
        RecordContext<String, Object> record = context.getSingleRecord();
        return process(record.getConsumerRecord(), record.getNumberOfFailedAttempts() + 1);
    }

    /**
     * @param attempt this attempt's number, the first is 1
     */
    List<ProducerRecord<String, Object>> process(ConsumerRecord<String, Object> record, int attempt) {
        var undecodable = DeadLetters.undecodable(record);
        if (undecodable.isPresent()) {
            return deadLettered(record, undecodable.get().data(),
                    new IllegalArgumentException(undecodable.get().reason()));
        }
        if (!(record.value() instanceof CommandEnvelope command)) {
            return deadLettered(record, record.value(), new IllegalArgumentException("not a command envelope"));
        }
        log.info("command received tenantId={} messageId={} partition={} offset={} attempt={}", record.key(),
                command.getMessageId(), record.partition(), record.offset(), attempt);
        InvoiceSubmission submission;
        try {
            submission = CommandMapper.submission(command);
        } catch (UnsupportedCommand e) {
            return deadLettered(record, command, e);
        }
        try {
            return events.collect(() -> {
                SubmissionOutcome outcome = submissions.handle(submission);
                log.info("command done tenantId={} messageId={} outcome={} attempt={}", record.key(),
                        command.getMessageId(), outcome.getClass().getSimpleName(), attempt);
            });
        } catch (RuntimeException e) {
            return failedAttempt(record, command, e, attempt);
        }
    }

    private List<ProducerRecord<String, Object>> failedAttempt(ConsumerRecord<String, Object> record,
                                                               CommandEnvelope command, RuntimeException cause,
                                                               int attempt) {
        boolean willRetry = attempt < maxAttempts;
        log.warn("command attempt failed tenantId={} partition={} offset={} attempt={} error={}", record.key(),
                record.partition(), record.offset(), attempt, cause.getMessage());
        SubmitInvoice submit = (SubmitInvoice) command.getPayload();
        List<ProducerRecord<String, Object>> produced = new ArrayList<>(events.collect(() -> {
            if (cause instanceof TransientFailure failure) {
                failed.attemptFailed(CommandMapper.ref(command), submit.getContextNip(), failure, attempt, willRetry);
            }
        }));
        if (willRetry) {
            sendAttemptEvents(produced);
            throw new RetryLater(cause);
        }
        produced.add(DeadLetters.of(record, command, cause));
        produced.addAll(events.collect(() -> failed.abandoned(CommandMapper.ref(command), submit.getContextNip(),
                submit.getInvoice().getInvoiceNumber(), "retries exhausted: " + cause.getMessage(), maxAttempts,
                cause instanceof TransientFailure failure ? failure.httpStatus() : null)));
        return produced;
    }

    // The attempt's event is a record of what happened; losing it must not change how the command is retried.
    private void sendAttemptEvents(List<ProducerRecord<String, Object>> records) {
        if (records.isEmpty()) {
            return;
        }
        try {
            sendNow.accept(records);
        } catch (RuntimeException e) {
            log.warn("could not record a failed attempt: {}", e.getMessage());
        }
    }

    private List<ProducerRecord<String, Object>> deadLettered(ConsumerRecord<String, Object> record, Object value,
                                                              Exception cause) {
        log.warn("command dead-lettered tenantId={} partition={} offset={} reason={}", record.key(),
                record.partition(), record.offset(), cause.getMessage());
        List<ProducerRecord<String, Object>> produced = new ArrayList<>();
        produced.add(DeadLetters.of(record, value, cause));
        produced.addAll(events.collect(() -> failed.deadLettered(ref(record), cause.getMessage(), record.topic(),
                record.partition(), record.offset())));
        return produced;
    }

    private static CommandRef ref(ConsumerRecord<String, Object> record) {
        if (record.value() instanceof CommandEnvelope command) {
            return CommandMapper.ref(command);
        }
        String tenantId = record.key() != null ? record.key()
                : MessageHeaders.get(record.headers(), MessageHeaders.TENANT_ID).orElse(UNKNOWN);
        String messageId = MessageHeaders.get(record.headers(), MessageHeaders.MESSAGE_ID)
                .orElse(record.topic() + "-" + record.partition() + "@" + record.offset());
        return new CommandRef(messageId, tenantId,
                MessageHeaders.get(record.headers(), MessageHeaders.CORRELATION_ID).orElse(messageId));
    }
}
