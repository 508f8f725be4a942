package dev.ksefplatform.sync.webhook.domain;

import java.time.Instant;

/** One notification to one webhook, and how it went. */
public record Delivery(String notificationId, String status, int attempts, Integer lastHttpStatus, String lastError,
                       Instant nextAttemptAt, Instant deliveredAt, Instant createdAt) {
}
