package dev.ksefplatform.commandapi.submission.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ksefplatform.commandapi.logging.LogIds;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Bounds the submissions the gateway holds at once: per tenant, so that one tenant's flood cannot take the gateway
 * from the others, and in all, so that a slow database or broker cannot fill the heap with waiting requests (about
 * 25 KB each: README, "Memory per in-flight invoice"). A submission over a bound is refused at once, before its body
 * is inspected (it is only drained, as every refusal's: web.RequestBodyDrain), and told to come back; none waits in a
 * queue here. The permits are resilience4j semaphore bulkheads: taken
 * when the submission is subscribed, given back when it answers, fails or is cancelled (its client gone). Refusals are
 * counted by reason ({@code ksef_gateway_submissions_refused_total{reason="tenant"|"total"}}: no tenant label, so
 * 10,000 tenants stay two series), and the submissions held are a gauge ({@code ksef_gateway_submissions_in_flight}).
 * Which tenant is refused is logged, at most once a minute per tenant (and once a minute for the total), so that a
 * flood does not become a flood of log lines.
 */
public final class SubmissionAdmission {

    private final BulkheadRegistry tenants;
    private final Bulkhead total;
    private static final Logger log = LoggerFactory.getLogger(SubmissionAdmission.class);

    private final int perTenant;
    private final int totalLimit;
    private final Counter tenantRefusals;
    private final Counter totalRefusals;
    private final Cache<String, Boolean> logged = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1))
            .maximumSize(100_000).build();

    public SubmissionAdmission(int perTenant, int total, MeterRegistry meters) {
        this.perTenant = perTenant;
        this.totalLimit = total;
        this.tenants = BulkheadRegistry.of(refusingAbove(perTenant));
        this.total = Bulkhead.of("submissions", refusingAbove(total));
        this.tenantRefusals = refusals(meters, "tenant");
        this.totalRefusals = refusals(meters, "total");
        Gauge.builder("ksef.gateway.submissions.in.flight", this.total,
                        b -> total - b.getMetrics().getAvailableConcurrentCalls())
                .description("submissions the gateway holds now, of all tenants").register(meters);
    }

    public <T> Mono<T> admit(String tenantId, Mono<T> submission) {
        return submission.transform(BulkheadOperator.of(tenants.bulkhead(tenantId)))
                .onErrorMap(BulkheadFullException.class, e -> {
                    tenantRefusals.increment();
                    if (firstThisMinute(tenantId)) {
                        LogIds.log(tenantId, null, () -> log.warn("submissions refused: the tenant has {} in flight"
                                + " tenantId={} (logged once a minute per tenant)", perTenant, tenantId));
                    }
                    return new TenantSubmissionsInFlight(perTenant);
                })
                .transform(BulkheadOperator.of(total))
                .onErrorMap(BulkheadFullException.class, e -> {
                    totalRefusals.increment();
                    if (firstThisMinute("")) {
                        log.warn("submissions refused: the gateway holds {} in flight (logged once a minute)", totalLimit);
                    }
                    return new GatewayBusy();
                });
    }

    private boolean firstThisMinute(String key) {
        return logged.asMap().putIfAbsent(key, Boolean.TRUE) == null;
    }

    private static Counter refusals(MeterRegistry meters, String reason) {
        return Counter.builder("ksef.gateway.submissions.refused").tag("reason", reason)
                .description("submissions refused over the gateway's in-flight bounds").register(meters);
    }

    /** Submissions of the tenant in flight now (asking about a tenant never seen creates nothing). */
    public int inFlight(String tenantId) {
        return tenants.find(tenantId).map(b -> perTenant - b.getMetrics().getAvailableConcurrentCalls()).orElse(0);
    }

    private static BulkheadConfig refusingAbove(int calls) {
        return BulkheadConfig.custom().maxConcurrentCalls(calls).maxWaitDuration(Duration.ZERO)
                .writableStackTraceEnabled(false).build();
    }
}
