package dev.ksefplatform.sync.webhook.domain;

import java.time.Instant;

/** A tenant's endpoint for notifications (its signing secret is never part of it). */
public record Webhook(String webhookId, String tenantId, String url, Instant createdAt) {
}
