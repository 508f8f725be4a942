package dev.ksefplatform.commandapi.integration.domain;

/**
 * What the tenant should do about an integration in a given status. For ERROR and EXPIRED the vault's reason already
 * says what KSeF refused and what to fix (a grant to give, a token to generate); the advice adds how to go on here.
 */
public final class IntegrationAdvice {

    private IntegrationAdvice() {
    }

    public static String action(String integrationId, String status, String reason) {
        String self = "/api/v1/integrations/" + integrationId;
        return switch (status) {
            case "ACTIVE" -> null;
            case "PENDING" -> "verify the integration: POST " + self + "/verify";
            case "ERROR" -> fix(reason) + "then verify again: POST " + self + "/verify";
            case "EXPIRED" -> fix(reason) + "upload the new KSeF token (POST " + self + "/secret), then verify again";
            case "DISABLED" -> "enable the integration (POST " + self + "/enable), then verify it";
            case "REVOKED" -> "the integration is revoked for good: create a new one (POST /api/v1/integrations)";
            default -> reason;
        };
    }

    private static String fix(String reason) {
        return reason == null || reason.isBlank() ? "" : reason + "; ";
    }
}
