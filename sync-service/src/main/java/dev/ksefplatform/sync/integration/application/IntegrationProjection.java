package dev.ksefplatform.sync.integration.application;

import dev.ksefplatform.support.projection.application.ReadModelUpdate;
import dev.ksefplatform.sync.integration.domain.Integration;
import dev.ksefplatform.sync.integration.domain.IntegrationFold;
import dev.ksefplatform.sync.projection.domain.IntegrationChanged;
import dev.ksefplatform.sync.projection.domain.SyncEvent;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/** Folds a batch's integration events into {@link Integrations}. */
public final class IntegrationProjection implements ReadModelUpdate<SyncEvent> {

    private final Integrations integrations;

    public IntegrationProjection(Integrations integrations) {
        this.integrations = integrations;
    }

    @Override
    public Mono<Void> apply(List<SyncEvent> events) {
        List<SyncEvent> relevant = events.stream().filter(IntegrationFold::concerns).toList();
        if (relevant.isEmpty()) {
            return Mono.empty();
        }
        var ids = relevant.stream().map(e -> ((IntegrationChanged) e).integrationId()).collect(Collectors.toSet());
        return integrations.findAll(ids).collectMap(Integration::integrationId, Function.identity())
                .map(current -> IntegrationFold.foldAll(current, relevant))
                .flatMap(changed -> integrations.saveAll(changed.values()));
    }
}
