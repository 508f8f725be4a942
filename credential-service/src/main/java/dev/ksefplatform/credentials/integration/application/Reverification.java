package dev.ksefplatform.credentials.integration.application;

import dev.ksefplatform.credentials.integration.domain.IntegrationId;
import dev.ksefplatform.credentials.integration.domain.IntegrationStatus;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Verifies every ACTIVE integration again, as verification does (login in the context, scopes checked): a permission
 * gone since moves the integration to ERROR or EXPIRED with its reason and an event, and its leases stop. KSeF being
 * unavailable or the rate budget used up leaves an integration as it is, for the next run.
 */
public final class Reverification {

    private static final Logger log = LoggerFactory.getLogger(Reverification.class);
    private static final int PAGE = 500;

    private final IntegrationRepository repository;
    private final IntegrationVerifier verifier;
    private final int concurrency;

    public Reverification(IntegrationRepository repository, IntegrationVerifier verifier, int concurrency) {
        this.repository = repository;
        this.verifier = verifier;
        this.concurrency = concurrency;
    }

    /** What one run did. */
    public record Result(int checked, int active, int failed, int deferred) {
        @Override
        public String toString() {
            return "checked=" + checked + " active=" + active + " failed=" + failed + " deferred=" + deferred;
        }
    }

    public Mono<Result> run() {
        return activeIds().collectList().flatMap(this::verifyAll);
    }

    /** The ids are read first: verification moves integrations out of ACTIVE, which would shift offset pages. */
    private Flux<IntegrationId> activeIds() {
        return Flux.range(0, Integer.MAX_VALUE)
                .concatMap(page -> repository.list(new IntegrationQuery(null, IntegrationStatus.ACTIVE, page, PAGE))
                        .collectList())
                .takeWhile(page -> !page.isEmpty())
                .flatMapIterable(page -> page)
                .map(integration -> integration.id());
    }

    private Mono<Result> verifyAll(List<IntegrationId> ids) {
        return Flux.fromIterable(ids)
                .flatMap(id -> verifier.verify(id).map(verified -> verified.status() == IntegrationStatus.ACTIVE ? 1 : 0)
                        .onErrorResume(e -> {
                            log.warn("re-verification deferred integrationId={} error={}", id, e.getClass().getSimpleName());
                            return Mono.just(-1);
                        }), concurrency)
                .collectList()
                .map(outcomes -> new Result(outcomes.size(), count(outcomes, 1), count(outcomes, 0), count(outcomes, -1)));
    }

    private static int count(List<Integer> outcomes, int value) {
        return (int) outcomes.stream().filter(outcome -> outcome == value).count();
    }
}
