package dev.ksefplatform.worker.retention;

import dev.ksefplatform.worker.TickingThread;
import dev.ksefplatform.worker.WorkerProperties;
import dev.ksefplatform.worker.retention.adapter.jdbc.JdbcRetentionStore;
import dev.ksefplatform.worker.retention.application.Retention;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Wires the pruning of finished work ({@code worker.retention.*}): one thread per instance. */
@Configuration(proxyBeanMethods = false)
class RetentionConfiguration {

    @Bean
    TickingThread retentionRuntime(JdbcTemplate jdbc, WorkerProperties worker, Clock clock, MeterRegistry registry) {
        WorkerProperties.Retention settings = worker.retention();
        Retention retention = new Retention(new JdbcRetentionStore(jdbc), settings.finished(), settings.batch(), clock,
                (table, rows) -> Counter.builder("ksef.worker.retention.deleted").tag("table", table)
                        .description("finished rows deleted from the worker's tables").register(registry)
                        .increment(rows));
        return new TickingThread("retention", settings.tick(), retention::tick);
    }
}
