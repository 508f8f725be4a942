package dev.ksefplatform.sync.inbox.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.sync.projection.domain.EventMeta;
import dev.ksefplatform.sync.projection.domain.InboxSyncFailure;
import dev.ksefplatform.sync.projection.domain.InboxSynced;
import dev.ksefplatform.sync.projection.domain.SyncEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SyncStateFoldTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void firstWindowSetsTheMarkAndTheLastSuccess() {
        SyncState state = SyncStateFold.evolve(Optional.empty(), synced("e1", T0, T0.minusSeconds(60)));

        assertThat(state.highWaterMark()).isEqualTo(T0.minusSeconds(60));
        assertThat(state.lastSuccessAt()).isEqualTo(T0);
        assertThat(state.consecutiveFailures()).isZero();
    }

    @Test
    void markNeverMovesBackwardsNorOnAFailureWithoutOne() {
        SyncState later = SyncStateFold.evolve(Optional.empty(), synced("e1", T0, T0));

        SyncState afterEarlier = SyncStateFold.evolve(Optional.of(later), synced("e2", T0.plusSeconds(1), T0.minusSeconds(600)));
        SyncState afterFailure = SyncStateFold.evolve(Optional.of(afterEarlier), failed("e3", T0.plusSeconds(2), null));

        assertThat(afterEarlier.highWaterMark()).isEqualTo(T0);
        assertThat(afterFailure.highWaterMark()).isEqualTo(T0);
    }

    @Test
    void failuresCountUntilAWindowCompletes() {
        SyncState once = SyncStateFold.evolve(Optional.empty(), synced("e1", T0, T0));
        SyncState twice = SyncStateFold.foldAll(Map.of(once.key(), once),
                List.of(failed("e2", T0.plusSeconds(60), T0), failed("e3", T0.plusSeconds(120), T0))).get(once.key());

        assertThat(twice.consecutiveFailures()).isEqualTo(2);
        assertThat(twice.lastFailureReason()).isEqualTo("KSeF 503");
        assertThat(twice.lastSuccessAt()).isEqualTo(T0);
        assertThat(twice.lastAttemptAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(SyncStateFold.evolve(Optional.of(twice), synced("e4", T0.plusSeconds(180), T0)).consecutiveFailures())
                .isZero();
    }

    @Test
    void replayedOrOlderEventChangesNothing() {
        SyncState failedOnce = SyncStateFold.evolve(Optional.empty(), failed("e2", T0, null));

        assertThat(SyncStateFold.evolve(Optional.of(failedOnce), failed("e2", T0, null))).isEqualTo(failedOnce);
        assertThat(SyncStateFold.evolve(Optional.of(failedOnce), failed("e1", T0.minusSeconds(1), null))).isEqualTo(failedOnce);
    }

    private static SyncEvent synced(String eventId, Instant at, Instant mark) {
        return new InboxSynced(new EventMeta(eventId, "tenant-a", "sync-1", at, null), "Subject2", mark, 1);
    }

    private static SyncEvent failed(String eventId, Instant at, Instant mark) {
        return new InboxSyncFailure(new EventMeta(eventId, "tenant-a", "sync-2", at, null), "Subject2", "KSeF 503",
                true, mark);
    }
}
