package dev.ksefplatform.worker;

import dev.ksefplatform.ksef.limits.LimitGroup;
import dev.ksefplatform.ksef.limits.RateBudgets;
import dev.ksefplatform.ksef.limits.Remaining;
import dev.ksefplatform.worker.engine.application.Engine;
import dev.ksefplatform.worker.inbox.InboxRuntime;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.SmartLifecycle;

/**
 * The worker's own gauges (names in the README): active lanes, commands by state, events not yet published, inbox
 * syncs running, and the KSeF budget left per context and limit group. The database counts and the budget rows are
 * refreshed every {@code period} rather than on every scrape; budgets of contexts quiet for {@code budgetIdle} are
 * forgotten at the same time, so the budget's memory and the gauge's label set follow the active contexts (at most
 * {@code maxContexts} contexts are labelled: those with the largest queues, and those with the least budget left).
 */
public class WorkerMetrics implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WorkerMetrics.class);

    private final MeterRegistry registry;
    private final JdbcTemplate jdbc;
    private final RateBudgets budgets;
    private final Duration period;
    private final Duration budgetIdle;
    private final int maxContexts;
    private final Map<String, Long> commands = new ConcurrentHashMap<>();
    private volatile long outboxPending;
    private MultiGauge budgetRemaining;
    private MultiGauge backlog;
    private ScheduledExecutorService refresher;

    public WorkerMetrics(MeterRegistry registry, JdbcTemplate jdbc, RateBudgets budgets, Engine engine,
                         InboxRuntime inbox, Duration period, Duration budgetIdle, int maxContexts) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.budgets = budgets;
        this.period = period;
        this.budgetIdle = budgetIdle;
        this.maxContexts = maxContexts;
        io.micrometer.core.instrument.FunctionCounter.builder("ksef.worker.lane.turns", engine, Engine::turns)
                .description("steps the lanes took (one per turn)").register(registry);
        Gauge.builder("ksef.worker.lanes.active", engine, Engine::activeLanes)
                .description("tenant contexts with a lane loaded in this instance").register(registry);
        Gauge.builder("ksef.worker.inbox.syncs.running", inbox, InboxRuntime::running).register(registry);
        Gauge.builder("ksef.worker.outbox.pending", this, m -> m.outboxPending)
                .description("events decided but not yet published").register(registry);
        for (String state : List.of("QUEUED", "SENDING", "SENT")) {
            commands.put(state, 0L);
            Gauge.builder("ksef.worker.commands", commands, c -> c.getOrDefault(state, 0L)).tag("state", state)
                    .description("commands in the worker's queue by state (all instances)").register(registry);
        }
    }

    /**
     * Commands refused to the dead-letter topic ({@code stage}: {@code intake} — undecodable or refused records;
     * {@code verification} — a verification of an unknown integration), counted once their transaction committed.
     */
    public static io.micrometer.core.instrument.Counter deadLetters(MeterRegistry registry, String stage) {
        return io.micrometer.core.instrument.Counter.builder("ksef.worker.dead.letters").tag("stage", stage)
                .description("commands written to ksef.commands.v1-dlt").register(registry);
    }

    /** UPOs given up ({@code LOST}, see the README): an alert should fire on any increase. */
    public static Counter upoLost(MeterRegistry registry) {
        return Counter.builder("ksef.worker.upo.lost")
                .description("accepted invoices whose UPO was given up after worker.upo.give-up-after")
                .register(registry);
    }

    void refresh() {
        try {
            commands.replaceAll((state, n) -> 0L);
            jdbc.query("SELECT state, count(*) FROM worker.commands WHERE state <> 'DONE' GROUP BY state",
                    rs -> {
                        commands.put(rs.getString(1), rs.getLong(2));
                    });
            outboxPending = jdbc.queryForObject("SELECT count(*) FROM worker.outbox", Long.class);
            backlog.register(backlogRows(), true);
            budgets.evictIdle(budgetIdle);
            budgetRemaining.register(budgetRows(), true);
        } catch (RuntimeException e) {
            log.warn("worker metrics not refreshed: {}", e.getMessage());
        }
    }

    /** The queued invoices of the {@code maxContexts} contexts with the most: 10,000 tenants make as many series. */
    private List<MultiGauge.Row<?>> backlogRows() {
        return jdbc.query("""
                        SELECT environment, context_nip, count(*) FROM worker.commands
                        WHERE state = 'QUEUED' AND kind = 'SUBMIT_INVOICE'
                        GROUP BY environment, context_nip ORDER BY count(*) DESC LIMIT ?""",
                (rs, n) -> MultiGauge.Row.of(Tags.of("environment", rs.getString(1), "context", rs.getString(2)),
                        rs.getLong(3)), maxContexts);
    }

    private List<MultiGauge.Row<?>> budgetRows() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        TightestBudgets.of(budgets, maxContexts).forEach(context -> {
            String[] parts = context.split("/", 2);
            budgets.remaining(context).forEach((LimitGroup group, Remaining remaining) -> rows.add(MultiGauge.Row.of(
                    Tags.of("environment", parts[0], "context", parts.length > 1 ? parts[1] : "", "group",
                            group.wireName()), remaining.now())));
        });
        return rows;
    }

    @Override
    public synchronized void start() {
        backlog = MultiGauge.builder("ksef.worker.backlog")
                .description("invoices queued for KSeF, for the contexts with the largest queues").register(registry);
        budgetRemaining = MultiGauge.builder("ksef.worker.budget.remaining")
                .description("calls KSeF still allows the context in the group's tightest window now").register(registry);
        refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "worker-metrics");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(this::refresh, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (refresher != null) {
            refresher.shutdownNow();
            refresher = null;
        }
    }

    @Override
    public boolean isRunning() {
        return refresher != null;
    }
}
