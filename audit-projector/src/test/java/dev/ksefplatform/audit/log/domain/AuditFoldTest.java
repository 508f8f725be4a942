package dev.ksefplatform.audit.log.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditFoldTest {

    private static final Instant OCCURRED = Instant.parse("2026-11-22T10:00:00Z");
    private static final Instant RECORDED = Instant.parse("2026-11-22T10:00:01Z");

    @Test
    void newEventIsAppendedAsOneRowWithRecordingTime() {
        AuditLogChange change = AuditFold.fold(false, event("e1", "boom"), RECORDED);

        assertThat(change).isEqualTo(new AuditLogChange.Append(new AuditEntry(event("e1", "boom"), RECORDED)));
    }

    @Test
    void eventAlreadyInTheLogChangesNothing() {
        AuditLogChange change = AuditFold.fold(true, event("e1", null), RECORDED);

        assertThat(change).isEqualTo(new AuditLogChange.AlreadyRecorded("e1"));
    }

    @Test
    void overlongErrorTextIsBounded() {
        AuditLogChange change = AuditFold.fold(false, event("e2", "x".repeat(10_000)), RECORDED);

        AuditEntry entry = ((AuditLogChange.Append) change).entry();
        assertThat(entry.event().error()).hasSize(AuditFold.MAX_ERROR_LENGTH);
        assertThat(entry.event().eventId()).isEqualTo("e2");
    }

    @Test
    void foldingTheSameEventTwiceYieldsOneAppendThenNothing() {
        AuditLogChange first = AuditFold.fold(false, event("e3", null), RECORDED);
        boolean heldAfterFirst = first instanceof AuditLogChange.Append;

        AuditLogChange second = AuditFold.fold(heldAfterFirst, event("e3", null), RECORDED.plusSeconds(5));

        assertThat(first).isInstanceOf(AuditLogChange.Append.class);
        assertThat(second).isInstanceOf(AuditLogChange.AlreadyRecorded.class);
    }

    private static AuditedEvent event(String id, String error) {
        return new AuditedEvent(id, "tenant-a", "KsefCallFailed", "cmd-1", "cmd-1", OCCURRED, "tenant-worker",
                "ksef.invoice.submit", "5265877635", "7010002137", 503, 1200L, error);
    }
}
