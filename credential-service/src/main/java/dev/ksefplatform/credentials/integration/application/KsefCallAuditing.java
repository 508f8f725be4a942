package dev.ksefplatform.credentials.integration.application;

import dev.ksefplatform.credentials.integration.domain.Cause;
import dev.ksefplatform.credentials.integration.domain.IntegrationEvent;
import dev.ksefplatform.credentials.integration.domain.KsefCall;
import dev.ksefplatform.credentials.session.application.KsefCallAudit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Every KSeF call this service makes becomes a {@code KsefCallRecorded} event, as the worker's do: the context's live
 * integration (one per environment and NIP) names the tenant, the integration account and the provider NIP, and the
 * cause names who the calls were made for. Written to the outbox in one small transaction of its own when the calls'
 * scope ends, beside the work and never in its way (no Kafka on the request path); a write that fails (the database
 * unreachable) is logged with what was lost.
 */
public final class KsefCallAuditing implements KsefCallAudit {

    private static final Logger log = LoggerFactory.getLogger(KsefCallAuditing.class);

    private final IntegrationRepository repository;
    private final IntegrationEvents events;

    public KsefCallAuditing(IntegrationRepository repository, IntegrationEvents events) {
        this.repository = repository;
        this.events = events;
    }

    @Override
    public void recorded(String environment, String contextNip, Cause cause, List<KsefCall> calls) {
        repository.findLive(environment, contextNip)
                .switchIfEmpty(Mono.fromRunnable(() -> log.warn("KSeF calls not audited: no live integration "
                        + "environment={} contextNip={} calls={}", environment, contextNip, calls.size())))
                .flatMap(integration -> events.publishAll(calls.stream()
                        .map(call -> new IntegrationEvent.KsefCallRecorded(integration, call, cause)).toList()))
                .subscribe(null, e -> log.error("KSeF call audit events not recorded environment={} contextNip={} "
                        + "calls={} error={}", environment, contextNip, calls.size(), e.getClass().getSimpleName()));
    }
}
