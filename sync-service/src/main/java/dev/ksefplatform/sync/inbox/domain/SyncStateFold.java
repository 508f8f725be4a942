package dev.ksefplatform.sync.inbox.domain;

import dev.ksefplatform.sync.inbox.domain.SyncState.SyncKey;
import dev.ksefplatform.sync.projection.domain.EventMeta;
import dev.ksefplatform.sync.projection.domain.InboxSyncFailure;
import dev.ksefplatform.sync.projection.domain.InboxSynced;
import dev.ksefplatform.sync.projection.domain.SyncEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Folds sync windows into the sync state: the high-water mark only moves forward, a completed window clears the
 * failure count, a failed one adds to it; a replayed or older event changes nothing.
 */
public final class SyncStateFold {

    private SyncStateFold() {
    }

    public static boolean concerns(SyncEvent event) {
        return event instanceof InboxSynced || event instanceof InboxSyncFailure;
    }

    public static SyncKey keyOf(SyncEvent event) {
        String subjectType = event instanceof InboxSynced s ? s.subjectType() : ((InboxSyncFailure) event).subjectType();
        return new SyncKey(event.meta().tenantId(), subjectType);
    }

    /** Folds a batch in log order over the states it touches; returns the states that changed. */
    public static Map<SyncKey, SyncState> foldAll(Map<SyncKey, SyncState> current, List<SyncEvent> events) {
        Map<SyncKey, SyncState> states = new LinkedHashMap<>(current);
        Map<SyncKey, SyncState> changed = new LinkedHashMap<>();
        for (SyncEvent event : events) {
            SyncKey key = keyOf(event);
            SyncState next = evolve(Optional.ofNullable(states.get(key)), event);
            if (!next.equals(states.get(key))) {
                states.put(key, next);
                changed.put(key, next);
            }
        }
        return changed;
    }

    public static SyncState evolve(Optional<SyncState> current, SyncEvent event) {
        if (current.isPresent() && isStale(current.get(), event.meta())) {
            return current.get();
        }
        Instant mark = current.map(SyncState::highWaterMark).orElse(null);
        int failures = current.map(SyncState::consecutiveFailures).orElse(0);
        Instant lastSuccess = current.map(SyncState::lastSuccessAt).orElse(null);
        EventMeta meta = event.meta();
        if (event instanceof InboxSynced e) {
            return new SyncState(meta.tenantId(), e.subjectType(), later(mark, e.highWaterMark()), meta.occurredAt(),
                    meta.occurredAt(), 0, null, meta.eventId(), meta.occurredAt());
        }
        InboxSyncFailure e = (InboxSyncFailure) event;
        return new SyncState(meta.tenantId(), e.subjectType(), later(mark, e.highWaterMark()), lastSuccess,
                meta.occurredAt(), failures + 1, e.reason(), meta.eventId(), meta.occurredAt());
    }

    private static boolean isStale(SyncState current, EventMeta meta) {
        return current.lastEventId().equals(meta.eventId()) || meta.occurredAt().isBefore(current.updatedAt());
    }

    private static Instant later(Instant stored, Instant reported) {
        if (stored == null) {
            return reported;
        }
        return reported == null || reported.isBefore(stored) ? stored : reported;
    }
}
