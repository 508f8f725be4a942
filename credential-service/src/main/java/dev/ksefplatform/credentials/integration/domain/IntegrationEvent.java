package dev.ksefplatform.credentials.integration.domain;

import java.util.Set;

/** Facts the vault publishes about integration accounts and refused leases. Never carries a secret. */
public sealed interface IntegrationEvent {

    String tenantId();

    /** The audit operation name. */
    String operation();

    /** Who caused it and in which flow; null when the event names no actor (it then correlates with itself). */
    default Cause cause() {
        return null;
    }

    /** An event about one integration account. */
    sealed interface AboutIntegration extends IntegrationEvent {

        Integration integration();

        @Override
        default String tenantId() {
            return integration().tenantId();
        }
    }

    record Registered(Integration integration) implements AboutIntegration {
        public String operation() {
            return "credential.integration.register";
        }
    }

    /** {@code cause}: who asked for the verification (null: not named). */
    record Verified(Integration integration, Set<String> scopes, Cause cause) implements AboutIntegration {
        public String operation() {
            return "credential.integration.verify";
        }
    }

    /** {@code cause}: the verification or lease that found the new status, if it names one. */
    record StatusChanged(Integration integration, IntegrationStatus from, Cause cause) implements AboutIntegration {

        public StatusChanged(Integration integration, IntegrationStatus from) {
            this(integration, from, null);
        }

        public String operation() {
            return "credential.integration.status";
        }
    }

    record Revoked(Integration integration) implements AboutIntegration {
        public String operation() {
            return "credential.integration.revoke";
        }
    }

    record SecretRotated(Integration integration) implements AboutIntegration {
        public String operation() {
            return "credential.integration.rotate-secret";
        }
    }

    /** A run of KSeF calls made with the integration's credential in its context (CONTRACTS: "Every KSeF call"). */
    record KsefCallRecorded(Integration integration, KsefCall call, Cause cause) implements AboutIntegration {
        public String operation() {
            return "ksef.call";
        }
    }

    /** Provider events are keyed by the provider, never by a client tenant. */
    static String providerKey(ProviderCredential credential) {
        return "provider:" + credential.providerNip();
    }

    record ProviderRegistered(ProviderCredential credential) implements IntegrationEvent {
        public String tenantId() {
            return providerKey(credential);
        }

        public String operation() {
            return "credential.provider.register";
        }
    }

    /** {@code change}: ROTATED, REVOKED, DISABLED or ENABLED. */
    record ProviderChanged(ProviderCredential credential, String change, String reason) implements IntegrationEvent {
        public String tenantId() {
            return providerKey(credential);
        }

        public String operation() {
            return "credential.provider.change";
        }
    }

    record LeaseDenied(String tenantId, String environment, String contextNip, String purpose, String reason,
                       Cause cause) implements IntegrationEvent {
        public String operation() {
            return "credential.lease";
        }
    }
}
