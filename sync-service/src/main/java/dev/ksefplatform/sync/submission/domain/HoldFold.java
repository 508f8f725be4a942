package dev.ksefplatform.sync.submission.domain;

import dev.ksefplatform.sync.projection.domain.ContextHeld;
import dev.ksefplatform.sync.projection.domain.ContextResumed;
import dev.ksefplatform.sync.projection.domain.SyncEvent;
import dev.ksefplatform.sync.submission.domain.ContextHold.HoldKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Folds SubmissionsHeld/Resumed into a hold per context: the latest event wins, a replayed or older one changes nothing. */
public final class HoldFold {

    private HoldFold() {
    }

    public static boolean concerns(SyncEvent event) {
        return event instanceof ContextHeld || event instanceof ContextResumed;
    }


    /** The holds a batch touches. */
    public static Set<HoldKey> keysOf(List<SyncEvent> events) {
        return events.stream().map(HoldFold::toHold).flatMap(Optional::stream).map(ContextHold::key)
                .collect(Collectors.toSet());
    }

    /** Folds a batch in log order over the holds it touches; returns the holds that changed. */
    public static Map<HoldKey, ContextHold> foldAll(Map<HoldKey, ContextHold> current, List<SyncEvent> events) {
        Map<HoldKey, ContextHold> holds = new LinkedHashMap<>(current);
        Map<HoldKey, ContextHold> changed = new LinkedHashMap<>();
        for (SyncEvent event : events) {
            toHold(event).ifPresent(next -> {
                ContextHold before = holds.get(next.key());
                if (before == null || isNewer(next, before)) {
                    holds.put(next.key(), next);
                    changed.put(next.key(), next);
                }
            });
        }
        return changed;
    }

    private static boolean isNewer(ContextHold next, ContextHold before) {
        return !next.lastEventId().equals(before.lastEventId()) && !next.updatedAt().isBefore(before.updatedAt())
                && next.tenantId().equals(before.tenantId());
    }

    private static Optional<ContextHold> toHold(SyncEvent event) {
        if (event instanceof ContextHeld e) {
            return Optional.of(new ContextHold(e.meta().tenantId(), e.contextNip(), e.environment(), true, e.reason(),
                    e.detail(), e.limitGroup(), e.until(), e.queued(), e.meta().eventId(), e.meta().occurredAt()));
        }
        if (event instanceof ContextResumed e) {
            return Optional.of(new ContextHold(e.meta().tenantId(), e.contextNip(), e.environment(), false, null,
                    null, null, null, e.queued(), e.meta().eventId(), e.meta().occurredAt()));
        }
        return Optional.empty();
    }
}
