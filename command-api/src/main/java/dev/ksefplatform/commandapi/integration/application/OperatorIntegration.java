package dev.ksefplatform.commandapi.integration.application;

/** An integration with whose it is: the tenant's name and NIP from the gateway's registry (null if it has none). */
public record OperatorIntegration(VaultIntegration integration, String tenantName, String tenantNip) {
}
