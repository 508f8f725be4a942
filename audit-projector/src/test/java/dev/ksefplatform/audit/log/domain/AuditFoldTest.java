package dev.ksefplatform.audit.log.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditFoldTest {

    private static final Instant OCCURRED = Instant.parse("2026-11-22T10:00:00Z");
    private static final Instant RECORDED = Instant.parse("2026-11-22T10:00:01Z");

    @Test
    void everyEventBecomesOneRowWithRecordingTimeInLogOrder() {
        List<AuditEntry> rows = AuditFold.fold(List.of(event("e1", "boom"), event("e2", null)), RECORDED);

        assertThat(rows).containsExactly(new AuditEntry(event("e1", "boom"), RECORDED),
                new AuditEntry(event("e2", null), RECORDED));
    }

    @Test
    void eventPublishedTwiceInOneBatchIsOneRowOfItsFirstDelivery() {
        AuditedEvent first = event("e1", "first");
        AuditedEvent republished = event("e1", "second");

        List<AuditEntry> rows = AuditFold.fold(List.of(first, event("e2", null), republished), RECORDED);

        assertThat(rows).extracting(row -> row.event().eventId()).containsExactly("e1", "e2");
        assertThat(rows.get(0).event().error()).isEqualTo("first");
    }

    @Test
    void overlongErrorTextIsBounded() {
        AuditEntry entry = AuditFold.fold(List.of(event("e2", "x".repeat(10_000))), RECORDED).get(0);

        assertThat(entry.event().error()).hasSize(AuditFold.MAX_ERROR_LENGTH);
        assertThat(entry.event().eventId()).isEqualTo("e2");
        assertThat(entry.event().actor()).isEqualTo(new Actor("TENANT", "key-1", null));
    }

    @Test
    void emptyBatchAppendsNothing() {
        assertThat(AuditFold.fold(List.of(), RECORDED)).isEmpty();
    }

    private static AuditedEvent event(String id, String error) {
        return new AuditedEvent(id, "tenant-a", "KsefCallFailed", "cmd-1", "cmd-1", OCCURRED, "tenant-worker",
                "ksef.invoice.submit", "5265877635", "7010002137", 503, 1200L, error, "integration-1", 21405,
                new Actor("TENANT", "key-1", null), null);
    }
}
