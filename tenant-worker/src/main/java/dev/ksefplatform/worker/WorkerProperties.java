package dev.ksefplatform.worker;

import dev.ksefplatform.worker.engine.domain.LaneSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The worker's settings ({@code worker.*} in tenant-worker.yml; the README's table explains each). */
@ConfigurationProperties("worker")
public record WorkerProperties(String instanceId, @DefaultValue Services services, @DefaultValue Ksef ksef,
                               @DefaultValue Engine engine, @DefaultValue Outbox outbox, @DefaultValue Inbox inbox,
                               @DefaultValue Metrics metrics, @DefaultValue Upo upo,
                               @DefaultValue Retention retention) {

    public record Services(@DefaultValue CredentialService credentialService) {
    }

    /** The caller token this worker presents to credential-service, and how long a lease may take. */
    public record CredentialService(@DefaultValue("local-tenant-worker-token") String token,
                                    @DefaultValue("10s") Duration timeout) {

        @Override
        public String toString() {
            return "CredentialService[token=***, timeout=" + timeout + "]";
        }
    }

    /** One KSeF HTTP request at most this long; the budget's margin for network spread; limits re-read this often. */
    public record Ksef(@DefaultValue("30s") Duration requestTimeout, @DefaultValue("500ms") Duration budgetMargin,
                       @DefaultValue("30m") Duration rateLimitsRefresh, Path tempDirectory) {

        public Path tempDirectoryOrDefault() {
            return tempDirectory != null ? tempDirectory : Path.of(System.getProperty("java.io.tmpdir"));
        }
    }

    /** The lanes: threads, the online and batch choices, and how long the lane waits after failures. */
    public record Engine(@DefaultValue("16") int threads, @DefaultValue("10") int sendChunk,
                         @DefaultValue("20") int pollChunk, @DefaultValue("2m") Duration sessionIdle,
                         @DefaultValue("10000") int sessionMaxInvoices, @DefaultValue("30m") Duration sessionExpiryMargin,
                         @DefaultValue("50") int batchMinInvoices, @DefaultValue("10000") int batchMaxInvoices,
                         @DefaultValue("2m") Duration batchHorizon, @DefaultValue("1s") Duration retryInitial,
                         @DefaultValue("5m") Duration retryMax, @DefaultValue("300ms") Duration firstPoll,
                         @DefaultValue("30s") Duration maxPoll, @DefaultValue("30s") Duration drainTimeout,
                         @DefaultValue("1000") int batchAlwaysAbove, @DefaultValue("3") int verdictListFrom,
                         @DefaultValue("500ms") Duration batchGather, @DefaultValue("5s") Duration batchGatherMax) {

        public LaneSettings laneSettings() {
            return new LaneSettings(sendChunk, pollChunk, sessionIdle, sessionMaxInvoices, sessionExpiryMargin,
                    batchMinInvoices, batchMaxInvoices, batchHorizon, batchAlwaysAbove, verdictListFrom, batchGather,
                    batchGatherMax);
        }
    }

    /**
     * Inbox syncs: how many run at once (each on its own thread, apart from the lanes), how far back a context's first
     * sync looks, windows per run, failed attempts before a run ends failed, how long one export may take.
     */
    public record Inbox(@DefaultValue("4") int concurrency, @DefaultValue("30d") Duration lookBack,
                        @DefaultValue("50") int maxWindows, @DefaultValue("5") int maxFailures,
                        @DefaultValue("10m") Duration exportTimeout, @DefaultValue("1s") Duration tick) {
    }

    /** Gauges refreshed this often; budgets of contexts quiet this long forgotten; at most this many contexts labelled. */
    public record Metrics(@DefaultValue("15s") Duration period, @DefaultValue("10m") Duration budgetIdle,
                          @DefaultValue("500") int maxContexts) {
    }

    /**
     * Publishing sent XML and UPOs of accepted invoices: how often the thread looks when its last round was not full
     * (a full round is followed by the next at once), how many rows a round takes, and how long after its acceptance
     * an invoice's UPO is still tried (a failure after that ends it {@code LOST}); how many of a round's downloads run
     * at once (each a round trip to KSeF's storage).
     */
    public record Upo(@DefaultValue("1s") Duration tick, @DefaultValue("50") int batch,
                      @DefaultValue("7d") Duration giveUpAfter, @DefaultValue("8") int downloads) {
    }

    /**
     * The relay of events from worker.outbox to Kafka. Every outbox write wakes it after its commit, so {@code idle}
     * only bounds how long rows it was not told of wait (a partition taken over from another instance, a lost wake).
     */
    public record Outbox(@DefaultValue("500") int batchSize, @DefaultValue("1s") Duration idle) {
    }

    /**
     * How long finished work stays in the worker's tables (commands, UPO fetches, inbox syncs, verifications, closed
     * sessions) before it is deleted, how often the pruning looks, and how many rows of a table one round deletes (a
     * full round is followed by the next at once). The intake refuses a command created more than {@code finished}
     * less a day ago: the record that would tell whether it already ran may be gone, and the day covers producers'
     * clocks. The default outlives the dead-letter topic's 30 days, so an operator's re-drive finds its command.
     */
    public record Retention(@DefaultValue("35d") Duration finished, @DefaultValue("1m") Duration tick,
                            @DefaultValue("5000") int batch) {

        public Retention {
            if (finished.compareTo(Duration.ofDays(2)) < 0) {
                throw new IllegalArgumentException("worker.retention.finished must be at least 2 days, was " + finished);
            }
            if (batch < 1) {
                throw new IllegalArgumentException("worker.retention.batch must be positive, was " + batch);
            }
        }

        /** Commands created before {@code now} less this are refused at intake. */
        public Duration acceptWithin() {
            return finished.minusDays(1);
        }
    }
}
