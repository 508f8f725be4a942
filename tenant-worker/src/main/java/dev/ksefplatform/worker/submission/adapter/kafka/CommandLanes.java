package dev.ksefplatform.worker.submission.adapter.kafka;

import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.worker.submission.application.FailedCommands;
import dev.ksefplatform.worker.submission.application.SubmitInvoiceHandler;
import io.confluent.parallelconsumer.ParallelConsumerOptions;
import io.confluent.parallelconsumer.ParallelConsumerOptions.CommitMode;
import io.confluent.parallelconsumer.ParallelConsumerOptions.ProcessingOrder;
import io.confluent.parallelconsumer.ParallelEoSStreamProcessor;
import io.confluent.parallelconsumer.internal.DrainingCloseable.DrainingMode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Consumes {@code ksef.commands.v1} with Confluent's parallel consumer: one lane per tenant (key)
 * inside each partition, so a tenant waiting out a Retry-After holds only its own lane, while its
 * commands stay in order. Events, dead letters and offsets commit together in periodic Kafka
 * transactions; only the record of a failed attempt is sent on its own. Started with the context,
 * closed draining with it.
 */
public class CommandLanes implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CommandLanes.class);
    private static final String TRANSACTIONAL_ID_SUFFIX = "lanes";
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    /**
     * @param maxConcurrency commands processed at once (threads), across all lanes
     * @param maxAttempts    total attempts of a failing command, the first included
     * @param commitInterval how often the transaction with the finished commands' events and offsets commits
     * @param drainTimeout   how long closing waits for commands in flight
     */
    public record Settings(int maxConcurrency, int maxAttempts, Duration commitInterval, Duration drainTimeout,
                           RetryDelay retryDelay) {
    }

    private final Map<String, Object> consumerConfig;
    private final Map<String, Object> producerConfig;
    private final SubmitInvoiceHandler submissions;
    private final FailedCommands failed;
    private final KafkaWorkerEvents events;
    private final Settings settings;
    private final Map<String, Object> attemptsConfig;
    private volatile ParallelEoSStreamProcessor<String, Object> lanes;
    private volatile KafkaProducer<String, Object> attempts;

    /**
     * @param consumerConfig  the consumer's settings (group, read_committed, deserializers), from {@code spring.kafka}
     * @param producerConfig  the producer's settings, from {@code spring.kafka}
     * @param transactionIdPrefix unique per instance; this consumer's producer appends {@value #TRANSACTIONAL_ID_SUFFIX}
     */
    public CommandLanes(Map<String, Object> consumerConfig, Map<String, Object> producerConfig,
                        String transactionIdPrefix, SubmitInvoiceHandler submissions, FailedCommands failed,
                        KafkaWorkerEvents events, Settings settings) {
        if (transactionIdPrefix == null || transactionIdPrefix.isBlank()) {
            throw new IllegalStateException("spring.kafka.producer.transaction-id-prefix must be set");
        }
        this.consumerConfig = Map.copyOf(consumerConfig);
        Map<String, Object> producer = new HashMap<>(producerConfig);
        producer.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionIdPrefix + TRANSACTIONAL_ID_SUFFIX);
        this.producerConfig = Map.copyOf(producer);
        Map<String, Object> nonTransactional = new HashMap<>(producer);
        nonTransactional.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        this.attemptsConfig = Map.copyOf(nonTransactional);
        this.submissions = submissions;
        this.failed = failed;
        this.events = events;
        this.settings = settings;
    }

    @Override
    public void start() {
        ParallelConsumerOptions<String, Object> options = ParallelConsumerOptions.<String, Object>builder()
                .consumer(new KafkaConsumer<>(consumerConfig))
                .producer(new KafkaProducer<>(producerConfig))
                .ordering(ProcessingOrder.KEY)
                .commitMode(CommitMode.PERIODIC_TRANSACTIONAL_PRODUCER)
                // Take the produce lock only to send, not while a command waits for KSeF: otherwise one
                // slow KSeF call would hold every commit, and with it every other tenant.
                .allowEagerProcessingDuringTransactionCommit(true)
                .maxConcurrency(settings.maxConcurrency())
                .retryDelayProvider(settings.retryDelay())
                .commitInterval(settings.commitInterval())
                .drainTimeout(settings.drainTimeout())
                .build();
        attempts = new KafkaProducer<>(attemptsConfig);
        CommandProcessor processor = new CommandProcessor(submissions, failed, events, settings.maxAttempts(),
                this::sendAttemptEvents);
        lanes = new ParallelEoSStreamProcessor<>(options);
        lanes.subscribe(List.of(Topics.COMMANDS.name()));
        lanes.pollAndProduceMany(processor::process);
        log.info("command lanes started maxConcurrency={} ordering=KEY", settings.maxConcurrency());
    }

    @Override
    public void stop() {
        ParallelEoSStreamProcessor<String, Object> running = lanes;
        lanes = null;
        if (running == null) {
            return;
        }
        try {
            running.close(settings.drainTimeout(), DrainingMode.DRAIN);
        } catch (Exception e) { // PC rethrows its checked timeouts unchecked
            log.warn("command lanes did not close cleanly: {}", e.getMessage());
        } finally {
            attempts.close(settings.drainTimeout());
        }
    }

    @Override
    public boolean isRunning() {
        return lanes != null;
    }

    /** Why the lanes stopped consuming on their own (e.g. a fenced producer), if they did. */
    public Optional<String> failure() {
        ParallelEoSStreamProcessor<String, Object> running = lanes;
        if (running == null) {
            return Optional.of("not started");
        }
        if (!running.isClosedOrFailed()) {
            return Optional.empty();
        }
        Exception cause = running.getFailureCause();
        return Optional.of(cause == null ? "closed" : cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }

    /**
     * A failed attempt is a fact whether or not the command later completes, so its event is not
     * part of a transaction: sent at once (idempotent, acks=all) and visible while the lane waits.
     */
    private void sendAttemptEvents(List<ProducerRecord<String, Object>> records) {
        try {
            for (ProducerRecord<String, Object> record : records) {
                attempts.send(record).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("sending failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending", e);
        }
    }
}
