package dev.ksefplatform.credentials.vault.application;

import dev.ksefplatform.credentials.vault.domain.Envelope;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The vault's stored envelopes, for master-key rotation. */
public interface SecretEnvelopes {

    Mono<Integer> countNotUnder(int keyVersion);

    /** Envelopes not wrapped under {@code keyVersion}, in id order after {@code after} (null = from the start). */
    Flux<StoredEnvelope> notUnder(int keyVersion, UUID after, int limit);

    /** Replaces {@code old} with {@code next} only if the row still holds {@code old} (a secret rotation may win). */
    Mono<Boolean> swap(UUID integrationId, Envelope old, Envelope next);
}
