package dev.ksefplatform.commandapi.notification.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** The shape of a feed page, for the OpenAPI document only (the body is sync-service's, passed through). */
record NotificationPageDoc(List<Item> items, @Schema(nullable = true) String nextCursor) {

    record Item(String notificationId, Instant occurredAt,
                @Schema(allowableValues = {"INTEGRATION_STATUS_CHANGED", "SUBMISSIONS_HELD", "SUBMISSIONS_RESUMED",
                        "INBOX_SYNC_FAILED", "INVOICE_REJECTED"}) String kind,
                @Schema(allowableValues = {"INFO", "WARNING", "ERROR"}) String severity,
                @Schema(description = "an integration id, a command id, or an inbox subject type") String subject,
                String contextNip,
                @Schema(description = "what happened") String message,
                @Schema(description = "what to do; absent when nothing") String action) {
    }
}
