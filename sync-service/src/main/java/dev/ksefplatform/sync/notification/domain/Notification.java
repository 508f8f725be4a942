package dev.ksefplatform.sync.notification.domain;

import java.time.Instant;

/**
 * Something a tenant should know: what happened ({@code message}) and what to do ({@code action}, null when nothing).
 * {@code subject} names what it is about: an integration id, a command id or an inbox subject type.
 */
public record Notification(String eventId, String tenantId, Instant occurredAt, Kind kind, Severity severity,
                           String subject, String contextNip, String message, String action) {

    public enum Kind { INTEGRATION_STATUS_CHANGED, SUBMISSIONS_HELD, SUBMISSIONS_RESUMED, INBOX_SYNC_FAILED, INVOICE_REJECTED }

    public enum Severity { INFO, WARNING, ERROR }
}
