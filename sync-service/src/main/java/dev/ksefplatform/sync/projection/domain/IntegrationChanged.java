package dev.ksefplatform.sync.projection.domain;

import java.util.List;

/**
 * An integration account was registered, verified, moved to another status or revoked: {@code status} is where
 * it now stands (PENDING, ACTIVE, ERROR, EXPIRED, DISABLED, REVOKED); {@code scopes} are the scopes KSeF
 * confirmed, null when the event does not state them; {@code reason} is what a person can act on, when stated.
 */
public record IntegrationChanged(EventMeta meta, String integrationId, String environment, String taxpayerNip,
                                 String status, List<String> scopes, String reason) implements SyncEvent {

    public IntegrationChanged {
        scopes = scopes == null ? null : List.copyOf(scopes);
    }

    public IntegrationChanged(EventMeta meta, String integrationId, String environment, String taxpayerNip,
                              String status, List<String> scopes) {
        this(meta, integrationId, environment, taxpayerNip, status, scopes, null);
    }
}
