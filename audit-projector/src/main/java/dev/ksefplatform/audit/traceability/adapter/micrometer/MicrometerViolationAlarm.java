package dev.ksefplatform.audit.traceability.adapter.micrometer;

import dev.ksefplatform.audit.traceability.application.ViolationAlarm;
import dev.ksefplatform.audit.traceability.domain.TenantViolation;
import dev.ksefplatform.support.logging.LogIds;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * Counts violations in {@code ksef_tenant_violations_total{reason}} and logs them by ids, after the transaction
 * that recorded them commits: a batch that rolls back and is applied again counts its violations once.
 */
public final class MicrometerViolationAlarm implements ViolationAlarm {

    public static final String METRIC = "ksef.tenant.violations";
    private static final Logger log = LoggerFactory.getLogger(MicrometerViolationAlarm.class);

    private final MeterRegistry meters;

    public MicrometerViolationAlarm(MeterRegistry meters) {
        this.meters = meters;
        for (TenantViolation.Reason reason : TenantViolation.Reason.values()) {
            counter(reason);
        }
    }

    @Override
    public Mono<Void> raiseOnCommit(List<TenantViolation> recorded) {
        if (recorded.isEmpty()) {
            return Mono.empty();
        }
        return TransactionSynchronizationManager.forCurrentTransaction()
                .doOnNext(transaction -> transaction.registerSynchronization(afterCommit(recorded))).then();
    }

    private TransactionSynchronization afterCommit(List<TenantViolation> recorded) {
        return new TransactionSynchronization() {
            @Override
            public Mono<Void> afterCommit() {
                return Mono.fromRunnable(() -> recorded.forEach(MicrometerViolationAlarm.this::raise));
            }
        };
    }

    private void raise(TenantViolation v) {
        counter(v.reason()).increment();
        LogIds.log(v.tenantId(), v.eventId(), v.integrationId(), v.correlationId(), () -> log.error(
                "tenant violation reason={} eventId={} eventType={} tenantId={} integrationId={} ownerTenantId={}"
                        + " correlationId={}", v.reason(), v.eventId(), v.eventType(), v.tenantId(), v.integrationId(),
                v.ownerTenantId(), v.correlationId()));
    }

    private Counter counter(TenantViolation.Reason reason) {
        return Counter.builder(METRIC).tag("reason", reason.name())
                .description("Regulated actions not traceable to an integration account of their own tenant")
                .register(meters);
    }
}
