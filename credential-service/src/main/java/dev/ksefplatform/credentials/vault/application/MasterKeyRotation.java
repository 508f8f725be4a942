package dev.ksefplatform.credentials.vault.application;

import dev.ksefplatform.credentials.vault.domain.EnvelopeCipher;
import dev.ksefplatform.credentials.vault.domain.KeyRotation;
import dev.ksefplatform.credentials.vault.domain.MasterKeys;
import dev.ksefplatform.credentials.vault.domain.VaultException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Re-wraps every data key under the current master key while the service keeps serving: the
 * secrets themselves are never decrypted, and envelopes under the old version still open until
 * the rotation completes (both versions stay configured until then).
 */
public final class MasterKeyRotation {

    private static final Logger log = LoggerFactory.getLogger(MasterKeyRotation.class);
    private static final int BATCH = 100;

    private final SecretEnvelopes envelopes;
    private final KeyRotations rotations;
    private final EnvelopeCipher cipher;
    private final MasterKeys masterKeys;
    private final Clock clock;
    private final Supplier<UUID> ids;

    public MasterKeyRotation(SecretEnvelopes envelopes, KeyRotations rotations, EnvelopeCipher cipher,
                             MasterKeys masterKeys, Clock clock, Supplier<UUID> ids) {
        this.envelopes = envelopes;
        this.rotations = rotations;
        this.cipher = cipher;
        this.masterKeys = masterKeys;
        this.clock = clock;
        this.ids = ids;
    }

    /** Records the rotation and starts it in the background; poll {@link #progress}. */
    public Mono<KeyRotation> start() {
        int target = masterKeys.current().version();
        return envelopes.countNotUnder(target)
                .map(total -> KeyRotation.start(ids.get(), target, total, clock.instant()))
                .flatMap(rotations::save)
                .doOnNext(started -> run(started).subscribe(
                        done -> log.info("master key rotation finished rotationId={} status={} rewrapped={} failed={}",
                                done.id(), done.status(), done.rewrapped(), done.failed()),
                        error -> log.error("master key rotation aborted rotationId={}", started.id(), error)));
    }

    public Mono<KeyRotation> progress(UUID id) {
        return rotations.find(id).switchIfEmpty(Mono.error(() -> new KeyRotationNotFound(id.toString())));
    }

    private Mono<KeyRotation> run(KeyRotation rotation) {
        return batchAfter(rotation, null)
                .flatMap(current -> rotations.save(current.finished(clock.instant())));
    }

    private Mono<KeyRotation> batchAfter(KeyRotation rotation, UUID after) {
        return envelopes.notUnder(rotation.targetVersion(), after, BATCH).collectList().flatMap(batch -> {
            if (batch.isEmpty()) {
                return Mono.just(rotation);
            }
            UUID last = batch.get(batch.size() - 1).integrationId();
            return rewrap(batch).flatMap(rewrapped -> rotations.save(
                            rotation.progressed(rewrapped, batch.size() - rewrapped)))
                    .flatMap(next -> batchAfter(next, last));
        });
    }

    private Mono<Integer> rewrap(List<StoredEnvelope> batch) {
        return Flux.fromIterable(batch).concatMap(this::rewrapOne).reduce(0, Integer::sum);
    }

    private Mono<Integer> rewrapOne(StoredEnvelope stored) {
        try {
            var next = cipher.rewrap(stored.envelope(), stored.associatedData());
            return envelopes.swap(stored.integrationId(), stored.envelope(), next).thenReturn(1);
        } catch (VaultException e) {
            log.error("cannot re-wrap envelope integrationId={} reason={}", stored.integrationId(), e.getMessage());
            return Mono.just(0);
        }
    }
}
