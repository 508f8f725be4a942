package dev.ksefplatform.sync.document.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.sync.inbox.domain.Direction;
import dev.ksefplatform.sync.inbox.domain.RawDocument;
import dev.ksefplatform.sync.projection.domain.EventMeta;
import dev.ksefplatform.sync.projection.domain.InvoiceDocumentSent;
import dev.ksefplatform.sync.projection.domain.SubmissionSent;
import dev.ksefplatform.sync.projection.domain.SyncEvent;
import dev.ksefplatform.sync.projection.domain.UpoFetched;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutgoingFoldTest {

    private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void aSentInvoiceIsAnOutgoingDocumentOfItsSellerAndTheFirstOfAKsefNumberWins() {
        List<SyncEvent> events = List.of(sent("e1", "tenant-a", "K-1", "first"), sent("e2", "tenant-a", "K-1", "again"),
                sent("e3", "tenant-b", "K-1", "other tenant"), upo("e4", "tenant-a", "K-1", "upo"));

        List<RawDocument> rows = OutgoingFold.sent(events);

        assertThat(rows).extracting(RawDocument::eventId).containsExactly("e1", "e3");
        assertThat(rows.get(0).direction()).isEqualTo(Direction.OUTGOING);
        assertThat(rows.get(0).subjectType()).isEqualTo("Subject1");
        assertThat(new String(rows.get(0).xml(), StandardCharsets.UTF_8)).isEqualTo("first");
        assertThat(rows.get(0).acquisitionDate()).isEqualTo(AT);
    }

    @Test
    void aUpoIsKeptOncePerTenantAndKsefNumberAndNothingElseIsAUpo() {
        List<SyncEvent> events = List.of(upo("e1", "tenant-a", "K-1", "upo"), upo("e2", "tenant-a", "K-1", "repeat"),
                upo("e3", "tenant-a", "K-2", "upo 2"), sent("e4", "tenant-a", "K-3", "xml"),
                new SubmissionSent(meta("e5", "tenant-a"), "S", "Online", "R", "FV/1"));

        assertThat(OutgoingFold.upos(events)).extracting(UpoDocument::eventId).containsExactly("e1", "e3");
    }

    private static InvoiceDocumentSent sent(String id, String tenant, String ksef, String xml) {
        return new InvoiceDocumentSent(meta(id, tenant), ksef, "S-1", AT, "h", xml.getBytes(StandardCharsets.UTF_8));
    }

    private static UpoFetched upo(String id, String tenant, String ksef, String upo) {
        return new UpoFetched(meta(id, tenant), ksef, "S-1", "h", upo.getBytes(StandardCharsets.UTF_8));
    }

    private static EventMeta meta(String id, String tenant) {
        return new EventMeta(id, tenant, "c-" + id, AT, "5265877635");
    }
}
