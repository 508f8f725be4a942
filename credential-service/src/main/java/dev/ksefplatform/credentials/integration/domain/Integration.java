package dev.ksefplatform.credentials.integration.domain;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * An integration account: one tenant acting in one taxpayer's KSeF context in one environment, with a secret of its
 * own or, when {@code providerCredentialId} is set, the provider's credential (the taxpayer granted the provider's NIP).
 */
public record Integration(IntegrationId id, String tenantId, String environment, String taxpayerNip, String providerNip,
                          Set<String> scopes, CredentialType credentialType, IntegrationStatus status, String reason,
                          Instant createdAt, Instant updatedAt, UUID providerCredentialId, IntegrationUsage usage) {

    public Integration {
        scopes = Set.copyOf(scopes);
        usage = usage == null ? IntegrationUsage.NONE : usage;
    }

    /** A new integration, or one whose usage is not known here. */
    public Integration(IntegrationId id, String tenantId, String environment, String taxpayerNip, String providerNip,
                       Set<String> scopes, CredentialType credentialType, IntegrationStatus status, String reason,
                       Instant createdAt, Instant updatedAt, UUID providerCredentialId) {
        this(id, tenantId, environment, taxpayerNip, providerNip, scopes, credentialType, status, reason, createdAt,
                updatedAt, providerCredentialId, IntegrationUsage.NONE);
    }

    /** An integration holding a secret of its own. */
    public Integration(IntegrationId id, String tenantId, String environment, String taxpayerNip, String providerNip,
                       Set<String> scopes, CredentialType credentialType, IntegrationStatus status, String reason,
                       Instant createdAt, Instant updatedAt) {
        this(id, tenantId, environment, taxpayerNip, providerNip, scopes, credentialType, status, reason, createdAt,
                updatedAt, null);
    }

    public boolean usesProviderCredential() {
        return providerCredentialId != null;
    }

    /** @throws IllegalTransition if the lifecycle forbids the move */
    public Integration moveTo(IntegrationStatus next, String why, Instant at) {
        requireCanMoveTo(next);
        return new Integration(id, tenantId, environment, taxpayerNip, providerNip, scopes, credentialType, next, why,
                createdAt, at, providerCredentialId, usage);
    }

    /** @throws IllegalTransition if the lifecycle forbids the move */
    public void requireCanMoveTo(IntegrationStatus next) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransition(id, status, next);
        }
    }

    public boolean belongsTo(String tenant) {
        return tenantId.equals(tenant);
    }

    /** A new secret must be verified again; a disabled integration stays disabled. */
    public Integration withNewSecret(Instant at) {
        if (status == IntegrationStatus.REVOKED) {
            throw new IllegalTransition(id, status, IntegrationStatus.PENDING);
        }
        IntegrationStatus next = status == IntegrationStatus.DISABLED ? status : IntegrationStatus.PENDING;
        return new Integration(id, tenantId, environment, taxpayerNip, providerNip, scopes, credentialType, next,
                "secret rotated; verify the integration", createdAt, at, providerCredentialId, usage.rotated(at));
    }

    /** The part of a KSeF token before the first {@code |} is its reference number. */
    public static String ksefTokenReference(String ksefToken) {
        int bar = ksefToken.indexOf('|');
        return bar < 0 ? ksefToken : ksefToken.substring(0, bar);
    }
}
