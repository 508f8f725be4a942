package dev.ksefplatform.sync.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.sync.notification.domain.Notification.Kind;
import dev.ksefplatform.sync.notification.domain.Notification.Severity;
import dev.ksefplatform.sync.projection.domain.ContextHeld;
import dev.ksefplatform.sync.projection.domain.ContextResumed;
import dev.ksefplatform.sync.projection.domain.EventMeta;
import dev.ksefplatform.sync.projection.domain.InboxSyncFailure;
import dev.ksefplatform.sync.projection.domain.IntegrationChanged;
import dev.ksefplatform.sync.projection.domain.SubmissionAccepted;
import dev.ksefplatform.sync.projection.domain.SubmissionRejected;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationFoldTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final EventMeta META = new EventMeta("e-1", "tenant-1", "c-1", AT, "5265877635");

    @Test
    void anIntegrationInErrorSaysWhatKsefRefusedAndHowToGoOn() {
        Notification n = NotificationFold.of(new IntegrationChanged(META, "i-1", "TEST", "5265877635", "ERROR", null,
                "permission not found — grant InvoiceWrite to NIP 7740001454 in KSeF context 5265877635")).orElseThrow();

        assertThat(n.kind()).isEqualTo(Kind.INTEGRATION_STATUS_CHANGED);
        assertThat(n.severity()).isEqualTo(Severity.ERROR);
        assertThat(n.subject()).isEqualTo("i-1");
        assertThat(n.message()).contains("grant InvoiceWrite to NIP 7740001454");
        assertThat(n.action()).contains("POST /api/v1/integrations/i-1/verify");
        assertThat(n.eventId()).isEqualTo("e-1");
        assertThat(n.tenantId()).isEqualTo("tenant-1");
        assertThat(n.occurredAt()).isEqualTo(AT);
    }

    @Test
    void anExpiredTokenAsksForANewOneAndAnActiveIntegrationAsksForNothing() {
        Notification expired = NotificationFold.of(new IntegrationChanged(META, "i-1", "TEST", "5265877635", "EXPIRED",
                null, "KSeF reports the KSeF token inactive or revoked")).orElseThrow();
        Notification active = NotificationFold.of(new IntegrationChanged(META, "i-1", "TEST", "5265877635", "ACTIVE",
                List.of("InvoiceWrite"))).orElseThrow();

        assertThat(expired.action()).contains("generate a new KSeF token").contains("/api/v1/integrations/i-1/secret");
        assertThat(active.severity()).isEqualTo(Severity.INFO);
        assertThat(active.action()).isNull();
    }

    @Test
    void workHeldForAnInactiveIntegrationIsAnErrorThatSaysItResumesByItself() {
        Notification held = NotificationFold.of(new ContextHeld(META, "5265877635", "TEST", "INTEGRATION_NOT_ACTIVE",
                "grant InvoiceWrite to NIP 7740001454", null, null, 7)).orElseThrow();
        Notification budget = NotificationFold.of(new ContextHeld(META, "5265877635", "TEST", "RATE_LIMIT",
                "180 sends per hour used", "invoiceSend", AT, 3)).orElseThrow();
        Notification resumed = NotificationFold.of(new ContextResumed(META, "5265877635", "TEST", 7)).orElseThrow();

        assertThat(held.severity()).isEqualTo(Severity.ERROR);
        assertThat(held.message()).contains("7 submission(s)").contains("none is lost");
        assertThat(held.action()).contains("grant InvoiceWrite").contains("go on by themselves");
        assertThat(budget.severity()).isEqualTo(Severity.INFO);
        assertThat(budget.action()).isNull();
        assertThat(resumed.kind()).isEqualTo(Kind.SUBMISSIONS_RESUMED);
    }

    @Test
    void aRejectedInvoiceAndAFinalSyncFailureSayWhatToDo() {
        Notification rejected = NotificationFold.of(new SubmissionRejected(META, 450, "Błąd weryfikacji semantyki",
                List.of("P_1 in future"), "FV/1", null, null)).orElseThrow();
        Notification retried = NotificationFold.of(new InboxSyncFailure(META, "Subject2", "KSeF answered 503", true,
                null)).orElseThrow();
        Notification stopped = NotificationFold.of(new InboxSyncFailure(META, "Subject2", "no InvoiceRead", false,
                null)).orElseThrow();

        assertThat(rejected.message()).contains("FV/1").contains("450").contains("P_1 in future");
        assertThat(rejected.action()).contains("correct the invoice").contains("/api/v1/invoices/c-1");
        assertThat(rejected.subject()).isEqualTo("c-1");
        assertThat(retried.severity()).isEqualTo(Severity.WARNING);
        assertThat(retried.action()).isNull();
        assertThat(stopped.severity()).isEqualTo(Severity.ERROR);
        assertThat(stopped.action()).contains("POST /api/v1/inbox/sync");
    }

    @Test
    void anAcceptedInvoiceAndAProvidersEventAreNotNotifications() {
        assertThat(NotificationFold.of(new SubmissionAccepted(META, "k", 200, "FV/1", null, null, null))).isEmpty();
        assertThat(NotificationFold.of(new IntegrationChanged(new EventMeta("e-2", "provider:7740001454", "c", AT, null),
                "i-1", "TEST", "5265877635", "ACTIVE", null))).isEmpty();
    }
}
