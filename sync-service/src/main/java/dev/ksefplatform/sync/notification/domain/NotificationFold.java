package dev.ksefplatform.sync.notification.domain;

import dev.ksefplatform.sync.notification.domain.Notification.Kind;
import dev.ksefplatform.sync.notification.domain.Notification.Severity;
import dev.ksefplatform.sync.projection.domain.ContextHeld;
import dev.ksefplatform.sync.projection.domain.ContextResumed;
import dev.ksefplatform.sync.projection.domain.EventMeta;
import dev.ksefplatform.sync.projection.domain.InboxSyncFailure;
import dev.ksefplatform.sync.projection.domain.IntegrationChanged;
import dev.ksefplatform.sync.projection.domain.SubmissionRejected;
import dev.ksefplatform.sync.projection.domain.SyncEvent;
import java.util.Optional;

/**
 * Which events a tenant is told about, and in which words: integration status changes, held and resumed work, failed
 * inbox syncs, rejected invoices. Pure; a notification is keyed by its event's id, so a replay changes nothing.
 */
public final class NotificationFold {

    private NotificationFold() {
    }

    public static Optional<Notification> of(SyncEvent event) {
        if (event.meta().tenantId() == null || event.meta().tenantId().startsWith("provider:")) {
            return Optional.empty();
        }
        if (event instanceof IntegrationChanged e) {
            return Optional.of(IntegrationWords.of(e));
        }
        if (event instanceof ContextHeld e) {
            return Optional.of(held(e));
        }
        if (event instanceof ContextResumed e) {
            return Optional.of(notification(e.meta(), Kind.SUBMISSIONS_RESUMED, Severity.INFO, e.environment(),
                    e.contextNip(), "submissions for NIP " + e.contextNip() + " go on (" + e.queued() + " waiting)",
                    null));
        }
        if (event instanceof InboxSyncFailure e) {
            return Optional.of(syncFailed(e));
        }
        if (event instanceof SubmissionRejected e) {
            return Optional.of(rejected(e));
        }
        return Optional.empty();
    }

    private static Notification held(ContextHeld e) {
        Severity severity = switch (e.reason()) {
            case "INTEGRATION_NOT_ACTIVE" -> Severity.ERROR;
            case "RATE_LIMIT" -> Severity.INFO;
            default -> Severity.WARNING;
        };
        String until = e.until() == null ? "" : " until about " + e.until();
        String action = severity == Severity.ERROR ? e.detail()
                + "; the held submissions go on by themselves once the integration verifies again" : null;
        return notification(e.meta(), Kind.SUBMISSIONS_HELD, severity, e.environment(), e.contextNip(),
                e.queued() + " submission(s) for NIP " + e.contextNip() + " held (" + e.reason() + ")" + until + ": "
                        + e.detail() + "; none is lost", action);
    }

    private static Notification syncFailed(InboxSyncFailure e) {
        String action = e.retryable() ? null : "check that the integration is ACTIVE with InvoiceRead "
                + "(GET /api/v1/integrations), then start a sync: POST /api/v1/inbox/sync";
        return notification(e.meta(), Kind.INBOX_SYNC_FAILED, e.retryable() ? Severity.WARNING : Severity.ERROR,
                e.subjectType(), e.meta().contextNip(), "inbox sync of " + e.subjectType() + " failed: " + e.reason()
                        + (e.retryable() ? "; it is retried by itself" : ""), action);
    }

    private static Notification rejected(SubmissionRejected e) {
        String why = e.description() == null ? "" : ": " + e.description();
        String details = e.details().isEmpty() ? "" : " (" + String.join("; ", e.details()) + ")";
        String invoice = e.invoiceNumber() == null ? "an invoice" : "invoice " + e.invoiceNumber();
        return notification(e.meta(), Kind.INVOICE_REJECTED, Severity.ERROR, e.meta().correlationId(),
                e.meta().contextNip(), "KSeF rejected " + invoice + " with status " + e.ksefStatusCode() + why + details,
                "correct the invoice and submit it again (GET /api/v1/invoices/" + e.meta().correlationId()
                        + " shows the verdict)");
    }

    static Notification notification(EventMeta meta, Kind kind, Severity severity, String subject, String contextNip,
                                     String message, String action) {
        return new Notification(meta.eventId(), meta.tenantId(), meta.occurredAt(), kind, severity, subject,
                contextNip, message, action);
    }
}
