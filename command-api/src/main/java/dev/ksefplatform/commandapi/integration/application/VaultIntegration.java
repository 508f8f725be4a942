package dev.ksefplatform.commandapi.integration.application;

import java.time.Instant;
import java.util.List;

/**
 * An integration as the vault's admin listing reports it, with its tenant and {@code kind} (KSEF_TOKEN, CERTIFICATE or
 * PROVIDER_CREDENTIAL): never a secret.
 */
public record VaultIntegration(String integrationId, String tenantId, String environment, String taxpayerNip,
                               String providerNip, List<String> scopes, String credentialType, String kind,
                               String status, String reason, Instant createdAt, Instant updatedAt,
                               String providerCredentialId, Instant lastUsedAt, Instant rotatedAt) {
}
