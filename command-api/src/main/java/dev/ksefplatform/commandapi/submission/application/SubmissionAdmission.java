package dev.ksefplatform.commandapi.submission.application;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * Bounds the submissions the gateway holds at once: per tenant, so that one tenant's flood cannot take the gateway
 * from the others, and in all, so that a slow database or broker cannot fill the heap with waiting requests (about
 * 25 KB each: README, "Memory per in-flight invoice"). A submission over a bound is refused at once, before its body
 * is inspected (it is only drained, as every refusal's: web.RequestBodyDrain), and told to come back; none waits in a
 * queue here. The permits are resilience4j semaphore bulkheads: taken
 * when the submission is subscribed, given back when it answers, fails or is cancelled (its client gone).
 */
public final class SubmissionAdmission {

    private final BulkheadRegistry tenants;
    private final Bulkhead total;
    private final int perTenant;

    public SubmissionAdmission(int perTenant, int total) {
        this.perTenant = perTenant;
        this.tenants = BulkheadRegistry.of(refusingAbove(perTenant));
        this.total = Bulkhead.of("submissions", refusingAbove(total));
    }

    public <T> Mono<T> admit(String tenantId, Mono<T> submission) {
        return submission.transform(BulkheadOperator.of(tenants.bulkhead(tenantId)))
                .onErrorMap(BulkheadFullException.class, e -> new TenantSubmissionsInFlight(perTenant))
                .transform(BulkheadOperator.of(total))
                .onErrorMap(BulkheadFullException.class, e -> new GatewayBusy());
    }

    /** Submissions of the tenant in flight now. */
    public int inFlight(String tenantId) {
        Bulkhead bulkhead = tenants.bulkhead(tenantId);
        return perTenant - bulkhead.getMetrics().getAvailableConcurrentCalls();
    }

    private static BulkheadConfig refusingAbove(int calls) {
        return BulkheadConfig.custom().maxConcurrentCalls(calls).maxWaitDuration(Duration.ZERO)
                .writableStackTraceEnabled(false).build();
    }
}
