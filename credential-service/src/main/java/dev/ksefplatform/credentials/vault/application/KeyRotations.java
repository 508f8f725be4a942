package dev.ksefplatform.credentials.vault.application;

import dev.ksefplatform.credentials.vault.domain.KeyRotation;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Rotation progress records. */
public interface KeyRotations {

    Mono<KeyRotation> save(KeyRotation rotation);

    Mono<KeyRotation> find(UUID id);
}
