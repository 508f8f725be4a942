package dev.ksefplatform.commandapi.integration.application;

import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The operators' part of the vault's admin API (CONTRACTS §4): every tenant's integrations, their quick actions and
 * master-key rotation. {@code operatorId} is named as the actor of the vault's events.
 */
public interface VaultAdmin {

    enum QuickAction { VERIFY, DISABLE, ENABLE }

    Mono<List<VaultIntegration>> list(IntegrationFilter filter);

    /** @return error {@link IntegrationNotFound} for an unknown id, {@link IntegrationRefused} for a forbidden move */
    Mono<VaultIntegration> act(String integrationId, QuickAction action, String operatorId);

    /** @return error {@link IntegrationRefused} (400 {@code unknown-key-version}, 409 {@code key-rotation-running}) */
    Mono<KeyRotationView> startRotation(int targetVersion, String operatorId);

    /** @return error {@link IntegrationRefused} 404 {@code key-rotation-not-found} */
    Mono<KeyRotationView> rotation(String rotationId);
}
