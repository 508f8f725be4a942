package dev.ksefplatform.worker.upo;

import dev.ksefplatform.worker.TickingThread;
import dev.ksefplatform.worker.WorkerMetrics;
import dev.ksefplatform.worker.WorkerProperties;
import dev.ksefplatform.worker.engine.adapter.kafka.AvroEventEncoder;
import dev.ksefplatform.worker.engine.adapter.ksef.ClientKsef;
import dev.ksefplatform.worker.engine.adapter.ksef.RateBudgetsAdapter;
import dev.ksefplatform.worker.engine.application.Engine;
import dev.ksefplatform.worker.engine.application.LeaseCache;
import dev.ksefplatform.worker.engine.application.RetrySchedule;
import dev.ksefplatform.worker.outbox.adapter.jdbc.OutboxWriter;
import dev.ksefplatform.worker.outbox.application.OutboxRelay;
import dev.ksefplatform.worker.upo.adapter.jdbc.JdbcUpoStore;
import dev.ksefplatform.worker.upo.adapter.kafka.AvroUpoEvents;
import dev.ksefplatform.worker.upo.application.Downloads;
import dev.ksefplatform.worker.upo.application.UpoFetches;
import dev.ksefplatform.worker.upo.application.UpoKsef;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the publication of sent XML and UPOs of accepted invoices: one thread, the lanes' KSeF port and budget. */
@Configuration(proxyBeanMethods = false)
public class UpoConfiguration {

    /** A pool of its own (not an {@code Executor} bean: Spring Boot's task executor would back off for one). */
    @Bean
    Downloads upoDownloads(WorkerProperties worker) {
        return new Downloads(worker.upo().downloads(), "upo-downloads");
    }

    @Bean
    TickingThread upoRuntime(JdbcTemplate jdbc, TransactionTemplate tx, AvroEventEncoder encoder, OutboxRelay relay,
                          ClientKsef ksef, RateBudgetsAdapter budget, LeaseCache leases, Engine engine,
                          WorkerProperties worker, String workerInstanceId, Clock clock, MeterRegistry registry,
                          Downloads downloads) {
        WorkerProperties.Engine settings = worker.engine();
        RetrySchedule retries = new RetrySchedule(settings.retryInitial(), settings.retryMax(), settings.firstPoll(),
                settings.maxPoll());
        UpoFetches fetches = new UpoFetches(new JdbcUpoStore(jdbc, tx, new OutboxWriter(jdbc, encoder, relay::nudge)),
                new AvroUpoEvents(encoder, clock), new UpoKsef(ksef, budget, leases), engine::ownedPartitions,
                new UpoFetches.Settings(workerInstanceId, worker.upo().batch(), retries, worker.upo().giveUpAfter()),
                clock, WorkerMetrics.upoLost(registry)::increment, downloads);
        return new TickingThread("upo-fetches", worker.upo().tick(), fetches::tick);
    }
}
