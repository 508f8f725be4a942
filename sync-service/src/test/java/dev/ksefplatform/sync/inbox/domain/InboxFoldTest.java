package dev.ksefplatform.sync.inbox.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.sync.projection.domain.EventMeta;
import dev.ksefplatform.sync.projection.domain.InboxSynced;
import dev.ksefplatform.sync.projection.domain.InvoiceReceived;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InboxFoldTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void newInvoiceIsStoredWithItsRawXml() {
        Optional<InboxDocument> stored = InboxFold.receive(false, received());

        assertThat(stored).hasValueSatisfying(d -> {
            assertThat(d.tenantId()).isEqualTo("tenant-a");
            assertThat(d.ksefNumber()).isEqualTo("KSEF-1");
            assertThat(new String(d.xml(), StandardCharsets.UTF_8)).isEqualTo("<Faktura/>");
            assertThat(d.issueDate()).isEqualTo(LocalDate.of(2026, 11, 20));
            assertThat(d.receivedAt()).isEqualTo(T0);
        });
    }

    @Test
    void invoiceAlreadyHeldIsNeverRewritten() {
        assertThat(InboxFold.receive(true, received())).isEmpty();
    }

    @Test
    void firstSyncSetsTheHighWaterMark() {
        SyncState state = InboxFold.evolve(Optional.empty(), synced("e1", T0));

        assertThat(state.highWaterMark()).isEqualTo(T0);
        assertThat(state.subjectType()).isEqualTo("Subject2");
    }

    @Test
    void highWaterMarkNeverMovesBackwards() {
        SyncState later = InboxFold.evolve(Optional.empty(), synced("e1", T0.plusSeconds(60)));

        SyncState after = InboxFold.evolve(Optional.of(later), synced("e2", T0));

        assertThat(after.highWaterMark()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void windowWithoutNewMarkKeepsTheStoredOne() {
        SyncState first = InboxFold.evolve(Optional.empty(), synced("e1", T0));

        SyncState after = InboxFold.evolve(Optional.of(first), synced("e2", null));

        assertThat(after.highWaterMark()).isEqualTo(T0);
        assertThat(after.lastEventId()).isEqualTo("e2");
    }

    @Test
    void reapplyingTheSameSyncGivesTheSameState() {
        SyncState once = InboxFold.evolve(Optional.empty(), synced("e1", T0));

        assertThat(InboxFold.evolve(Optional.of(once), synced("e1", T0))).isEqualTo(once);
    }

    private static InvoiceReceived received() {
        return new InvoiceReceived(new EventMeta("e0", "tenant-a", "sync-1", T0), "KSEF-1", "Subject2", "5265877635",
                "FV/9", LocalDate.of(2026, 11, 20), T0.minusSeconds(5), "hash",
                "<Faktura/>".getBytes(StandardCharsets.UTF_8));
    }

    private static InboxSynced synced(String eventId, Instant mark) {
        return new InboxSynced(new EventMeta(eventId, "tenant-a", "sync-1", T0), "Subject2", mark, 1);
    }
}
