package dev.ksefplatform.worker.inbox;

import dev.ksefplatform.worker.WorkerProperties;
import dev.ksefplatform.worker.engine.adapter.kafka.AvroEventEncoder;
import dev.ksefplatform.worker.engine.adapter.ksef.ClientKsef;
import dev.ksefplatform.worker.engine.adapter.ksef.KsefEnvironments;
import dev.ksefplatform.worker.engine.adapter.ksef.RateBudgetsAdapter;
import dev.ksefplatform.worker.engine.application.CrashPoints;
import dev.ksefplatform.worker.engine.application.Engine;
import dev.ksefplatform.worker.engine.application.LeaseCache;
import dev.ksefplatform.worker.engine.application.RetrySchedule;
import dev.ksefplatform.worker.inbox.adapter.jdbc.JdbcInboxStore;
import dev.ksefplatform.worker.inbox.adapter.kafka.AvroInboxEvents;
import dev.ksefplatform.worker.inbox.adapter.ksef.ClientInboxKsef;
import dev.ksefplatform.worker.inbox.application.InboxRun;
import dev.ksefplatform.worker.inbox.application.InboxSyncs;
import dev.ksefplatform.worker.outbox.adapter.jdbc.OutboxWriter;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the inbox syncs: the store, KSeF's exports within the shared budget, the events, and their runtime. */
@Configuration(proxyBeanMethods = false)
public class InboxConfiguration {

    @Bean
    InboxRuntime inboxRuntime(JdbcTemplate jdbc, TransactionTemplate tx, AvroEventEncoder encoder,
                              dev.ksefplatform.worker.outbox.application.OutboxRelay relay,
                              KsefEnvironments environments, ClientKsef ksef, RateBudgetsAdapter budget,
                              LeaseCache credentials, Engine engine, WorkerProperties worker, String workerInstanceId,
                              ObjectProvider<CrashPoints> crashPoints, Clock clock) {
        WorkerProperties.Inbox inbox = worker.inbox();
        JdbcInboxStore store = new JdbcInboxStore(jdbc, tx, new OutboxWriter(jdbc, encoder, relay::nudge));
        InboxRun run = new InboxRun(store, new ClientInboxKsef(environments, ksef, budget, inbox.exportTimeout(), clock),
                new AvroInboxEvents(encoder, clock), credentials,
                new InboxRun.InboxSettings(workerInstanceId, inbox.lookBack(), inbox.maxWindows(), inbox.maxFailures(),
                        new RetrySchedule(worker.engine().retryInitial(), worker.engine().retryMax(),
                                worker.engine().firstPoll(), worker.engine().maxPoll())),
                crashPoints.getIfAvailable(() -> CrashPoints.NONE), clock);
        return new InboxRuntime(inbox, executor -> new InboxSyncs(store, run, engine::ownedPartitions, executor,
                inbox.concurrency(), clock));
    }
}
