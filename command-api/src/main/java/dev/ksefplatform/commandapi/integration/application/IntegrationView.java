package dev.ksefplatform.commandapi.integration.application;

import java.time.Instant;
import java.util.List;

/** An integration as the vault reports it: never a secret. */
public record IntegrationView(String integrationId, String environment, String taxpayerNip, String providerNip,
                              List<String> scopes, String credentialType, String status, String reason,
                              Instant createdAt, Instant updatedAt, String providerCredentialId, Instant lastUsedAt,
                              Instant rotatedAt) {
}
