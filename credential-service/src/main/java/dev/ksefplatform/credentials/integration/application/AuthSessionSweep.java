package dev.ksefplatform.credentials.integration.application;

import dev.ksefplatform.credentials.integration.domain.IntegrationId;
import dev.ksefplatform.credentials.integration.domain.IntegrationStatus;
import dev.ksefplatform.credentials.session.application.AccessTokens;
import dev.ksefplatform.credentials.session.application.KsefContext;
import dev.ksefplatform.credentials.session.application.SessionRecords;
import dev.ksefplatform.credentials.session.application.StaleSessions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The periodic watch over KSeF auth sessions: for every context with sessions this service opened and replaced (on
 * any instance), lists the context's sessions with a current token (a cached one, or a login as a lease would make)
 * and revokes the replaced ones KSeF still lists. Sessions of an integration that is no longer ACTIVE are left for
 * KSeF to expire: there is no credential to act with.
 */
public final class AuthSessionSweep {

    private static final Logger log = LoggerFactory.getLogger(AuthSessionSweep.class);

    private final SessionRecords records;
    private final StaleSessions staleSessions;
    private final AccessTokens accessTokens;
    private final IntegrationRepository integrations;
    private final CredentialSource credentials;
    private final Scheduler blocking;

    public AuthSessionSweep(SessionRecords records, StaleSessions staleSessions, AccessTokens accessTokens,
                            IntegrationRepository integrations, CredentialSource credentials, Scheduler blocking) {
        this.records = records;
        this.staleSessions = staleSessions;
        this.accessTokens = accessTokens;
        this.integrations = integrations;
        this.credentials = credentials;
        this.blocking = blocking;
    }

    /** @return "contexts=… revoked=… left=…" */
    public Mono<String> run() {
        return records.replaced().flatMapMany(byContext -> Flux.fromIterable(byContext.entrySet()))
                .concatMap(entry -> sweep(entry.getKey(), entry.getValue()))
                .reduce(new int[3], (sum, result) -> new int[] {sum[0] + 1, sum[1] + result.revoked(),
                        sum[2] + result.left()})
                .map(sum -> "contexts=" + sum[0] + " revoked=" + sum[1] + " left=" + sum[2]);
    }

    private Mono<StaleSessions.Result> sweep(KsefContext context, Set<String> stale) {
        return integrations.find(IntegrationId.parse(context.integrationId()))
                .filter(integration -> integration.status() == IntegrationStatus.ACTIVE)
                .flatMap(integration -> Mono.fromFuture(() -> accessTokens.tokensFor(context,
                        () -> credentials.open(integration).toFuture())))
                .publishOn(blocking)
                .map(tokens -> staleSessions.revokeRecorded(context, tokens, stale))
                .onErrorResume(e -> {
                    log.warn("auth session sweep deferred integrationId={} contextNip={} error={}",
                            context.integrationId(), context.contextNip(), e.getClass().getSimpleName());
                    return Mono.just(new StaleSessions.Result(0, stale.size()));
                })
                .defaultIfEmpty(new StaleSessions.Result(0, stale.size()));
    }
}
