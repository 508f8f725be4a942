package dev.ksefplatform.sync.integration.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.sync.projection.domain.EventMeta;
import dev.ksefplatform.sync.projection.domain.IntegrationChanged;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IntegrationFoldTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void verifiedIntegrationWithInvoiceReadReadsTheInbox() {
        Integration registered = IntegrationFold.evolve(Optional.empty(), change("e1", T0, "PENDING", null));
        Integration verified = IntegrationFold.evolve(Optional.of(registered),
                change("e2", T0.plusSeconds(5), "ACTIVE", List.of("InvoiceRead", "InvoiceWrite")));

        assertThat(registered.readsInbox()).isFalse();
        assertThat(verified.readsInbox()).isTrue();
        assertThat(verified.activeSince()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void activeIntegrationWithoutInvoiceReadDoesNotReadTheInbox() {
        assertThat(IntegrationFold.evolve(Optional.empty(), change("e1", T0, "ACTIVE", List.of("InvoiceWrite")))
                .readsInbox()).isFalse();
    }

    @Test
    void disabledKeepsItsScopesAndReEnablingStartsANewActivePeriod() {
        Integration active = IntegrationFold.evolve(Optional.empty(), change("e1", T0, "ACTIVE", List.of("InvoiceRead")));
        Integration disabled = IntegrationFold.evolve(Optional.of(active), change("e2", T0.plusSeconds(60), "DISABLED", null));
        Integration again = IntegrationFold.evolve(Optional.of(disabled), change("e3", T0.plusSeconds(120), "ACTIVE", null));

        assertThat(disabled.readsInbox()).isFalse();
        assertThat(disabled.scopes()).containsExactly("InvoiceRead");
        assertThat(disabled.activeSince()).isNull();
        assertThat(again.readsInbox()).isTrue();
        assertThat(again.activeSince()).isEqualTo(T0.plusSeconds(120));
    }

    @Test
    void revokedIsFinalAndOlderOrForeignEventsChangeNothing() {
        Integration revoked = IntegrationFold.evolve(Optional.empty(), change("e1", T0, "REVOKED", null));
        Integration active = IntegrationFold.evolve(Optional.empty(), change("e2", T0, "ACTIVE", List.of("InvoiceRead")));
        IntegrationChanged foreign = new IntegrationChanged(new EventMeta("e9", "tenant-b", "-", T0.plusSeconds(9), null),
                "i-1", "TEST", "5265877635", "DISABLED", null);

        assertThat(IntegrationFold.evolve(Optional.of(revoked), change("e3", T0.plusSeconds(1), "ACTIVE", null)))
                .isEqualTo(revoked);
        assertThat(IntegrationFold.evolve(Optional.of(active), change("e0", T0.minusSeconds(1), "DISABLED", null)))
                .isEqualTo(active);
        assertThat(IntegrationFold.evolve(Optional.of(active), foreign)).isEqualTo(active);
    }

    private static IntegrationChanged change(String eventId, Instant at, String status, List<String> scopes) {
        return new IntegrationChanged(new EventMeta(eventId, "tenant-a", "-", at, "5265877635"), "i-1", "TEST",
                "5265877635", status, scopes);
    }
}
