package dev.ksefplatform.sync.integration.domain;

import dev.ksefplatform.sync.projection.domain.IntegrationChanged;
import dev.ksefplatform.sync.projection.domain.SyncEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Folds the integration lifecycle: the latest event sets the status, REVOKED is final, an event of another
 * tenant about the same integration is ignored, a replayed or older event changes nothing. Scopes are those of
 * the latest verification.
 */
public final class IntegrationFold {

    private IntegrationFold() {
    }

    public static boolean concerns(SyncEvent event) {
        return event instanceof IntegrationChanged;
    }

    /** Folds a batch in log order over the integrations it touches; returns those that changed, by id. */
    public static Map<String, Integration> foldAll(Map<String, Integration> current, List<SyncEvent> events) {
        Map<String, Integration> integrations = new LinkedHashMap<>(current);
        Map<String, Integration> changed = new LinkedHashMap<>();
        for (SyncEvent event : events) {
            IntegrationChanged e = (IntegrationChanged) event;
            Optional<Integration> before = Optional.ofNullable(integrations.get(e.integrationId()));
            Integration next = evolve(before, e);
            if (!before.equals(Optional.of(next))) {
                integrations.put(next.integrationId(), next);
                changed.put(next.integrationId(), next);
            }
        }
        return changed;
    }

    public static Integration evolve(Optional<Integration> current, IntegrationChanged e) {
        if (current.isPresent() && ignores(current.get(), e)) {
            return current.get();
        }
        boolean wasActive = current.map(i -> Integration.ACTIVE.equals(i.status())).orElse(false);
        boolean active = Integration.ACTIVE.equals(e.status());
        Instant activeSince = !active ? null : wasActive ? current.get().activeSince() : e.meta().occurredAt();
        List<String> scopes = e.scopes() != null ? e.scopes() : current.map(Integration::scopes).orElse(List.of());
        return new Integration(e.integrationId(), e.meta().tenantId(), e.environment(), e.taxpayerNip(), e.status(),
                scopes, activeSince, e.meta().eventId(), e.meta().occurredAt());
    }

    private static boolean ignores(Integration current, IntegrationChanged e) {
        return !current.tenantId().equals(e.meta().tenantId()) || current.lastEventId().equals(e.meta().eventId())
                || e.meta().occurredAt().isBefore(current.updatedAt()) || Integration.REVOKED.equals(current.status());
    }
}
