package dev.ksefplatform.sync.notification.domain;

import dev.ksefplatform.sync.notification.domain.Notification.Kind;
import dev.ksefplatform.sync.notification.domain.Notification.Severity;
import dev.ksefplatform.sync.projection.domain.IntegrationChanged;

/** An integration's new status in a tenant's words: the vault's reason says what KSeF refused and what to fix. */
final class IntegrationWords {

    private IntegrationWords() {
    }

    static Notification of(IntegrationChanged e) {
        String self = "/api/v1/integrations/" + e.integrationId();
        String about = "integration for NIP " + e.taxpayerNip() + " (" + e.environment() + ")";
        String reason = e.reason() == null || e.reason().isBlank() ? "" : ": " + e.reason();
        return switch (e.status()) {
            case "PENDING" -> word(e, Severity.INFO, about + " is pending" + reason, "verify it: POST " + self + "/verify");
            case "ACTIVE" -> word(e, Severity.INFO, about + " is active: KSeF accepted its credential and grants", null);
            case "ERROR" -> word(e, Severity.ERROR, "KSeF refused the " + about + reason,
                    fix(e.reason()) + "then verify again: POST " + self + "/verify");
            case "EXPIRED" -> word(e, Severity.ERROR, "the KSeF token of the " + about + " is no longer valid" + reason,
                    "generate a new KSeF token, upload it (POST " + self + "/secret) and verify again");
            case "DISABLED" -> word(e, Severity.WARNING, about + " is disabled" + reason + "; nothing is sent to KSeF",
                    "enable it (POST " + self + "/enable) and verify it");
            case "REVOKED" -> word(e, Severity.WARNING, about + " is revoked for good" + reason,
                    "create a new integration: POST /api/v1/integrations");
            default -> word(e, Severity.INFO, about + " is " + e.status() + reason, null);
        };
    }

    private static String fix(String reason) {
        return reason == null || reason.isBlank() ? "" : "do what the reason says, ";
    }

    private static Notification word(IntegrationChanged e, Severity severity, String message, String action) {
        return NotificationFold.notification(e.meta(), Kind.INTEGRATION_STATUS_CHANGED, severity, e.integrationId(),
                e.taxpayerNip(), message, action);
    }
}
