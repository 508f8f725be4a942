package dev.ksefplatform.commandapi.submission.application;

import dev.ksefplatform.commandapi.logging.LogIds;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Marks acknowledged commands published in batches, after their 202 has gone out: one UPDATE per flush instead of
 * one per request. A mark lost to a crash or a database error leaves the row received, and the outbox relay
 * republishes it after its grace period: the same at-least-once delivery as a crash between ack and mark. The flush
 * also logs each command's {@code command published} line, so the producer's I/O thread, which adds the marks, never
 * waits for the log's output.
 */
public final class PublishedMarks implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PublishedMarks.class);

    private final CommandLog commands;
    private final Clock clock;
    private final int batchSize;
    private final Duration flushEvery;
    private final Queue<Published> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Disposable.Swap flushing = Disposables.swap();
    private volatile boolean closed;

    public PublishedMarks(CommandLog commands, Clock clock, Duration flushEvery, int batchSize) {
        this.commands = commands;
        this.clock = clock;
        this.batchSize = batchSize;
        this.flushEvery = flushEvery;
    }

    /** Called on the producer's I/O thread: a queue add and at most one scheduled flush, nothing that can block. */
    public void add(Published command) {
        pending.add(command);
        scheduleFlush();
    }

    /**
     * At most one flush is waiting or running, {@code flushEvery} after the first mark it takes; none while nothing is
     * pending (a timer ticking every 10 ms cost an idle gateway 1 % of a core: README "Cost from the event log").
     */
    private void scheduleFlush() {
        if (!closed && scheduled.compareAndSet(false, true)) {
            flushing.replace(Mono.delay(flushEvery).then(flush()).doFinally(signal -> {
                scheduled.set(false);
                if (!pending.isEmpty()) {
                    scheduleFlush(); // marks added while this flush ran
                }
            }).subscribe());
        }
    }

    /** Logs and marks what is pending now, batch by batch. */
    public Mono<Void> flush() {
        return Flux.defer(() -> Flux.fromIterable(drain()))
                .concatMap(batch -> commands.markPublished(batch, clock.instant())
                        .onErrorResume(e -> {
                            log.warn("published marks lost, the outbox relay republishes count={} cause={}",
                                    batch.size(), e.toString());
                            return Mono.empty();
                        }))
                .then();
    }

    private List<List<String>> drain() {
        List<List<String>> batches = new ArrayList<>();
        List<String> batch = new ArrayList<>();
        for (Published command = pending.poll(); command != null; command = pending.poll()) {
            logged(command);
            batch.add(command.commandId());
            if (batch.size() == batchSize) {
                batches.add(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }

    private static void logged(Published command) {
        LogIds.log(command.tenantId(), command.commandId(), () -> log.info(
                "command published tenantId={} commandId={} invoiceNumber={}",
                command.tenantId(), command.commandId(), command.invoiceNumber()));
    }

    @Override
    public void close() {
        closed = true;
        flushing.dispose();
        flush().block(Duration.ofSeconds(5));
    }

    /** A command the broker acknowledged: the ids its line names, not the submission and its XML. */
    public record Published(String tenantId, String commandId, String invoiceNumber) {
    }
}
