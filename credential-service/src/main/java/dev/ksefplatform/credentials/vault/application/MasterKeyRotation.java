package dev.ksefplatform.credentials.vault.application;

import dev.ksefplatform.credentials.vault.domain.EnvelopeCipher;
import dev.ksefplatform.credentials.vault.domain.KeyRotation;
import dev.ksefplatform.credentials.vault.domain.UnknownMasterKey;
import dev.ksefplatform.credentials.vault.domain.VaultException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Moves every envelope to master key {@code targetVersion} while the service keeps serving. From the
 * moment a rotation starts, new envelopes are sealed under the target; existing data keys are
 * re-wrapped in batches (the secrets themselves are never decrypted), and envelopes under the old
 * version keep opening until the rotation completes. Passes repeat until one finds nothing left to
 * move, so an envelope sealed under the old version just before the switch is not left behind.
 */
public final class MasterKeyRotation {

    private static final Logger log = LoggerFactory.getLogger(MasterKeyRotation.class);

    private final SecretEnvelopes envelopes;
    private final KeyRotations rotations;
    private final EnvelopeCipher cipher;
    private final Clock clock;
    private final Supplier<UUID> ids;
    private final int batchSize;
    private final AtomicReference<UUID> running = new AtomicReference<>();

    public MasterKeyRotation(SecretEnvelopes envelopes, KeyRotations rotations, EnvelopeCipher cipher, Clock clock,
                             Supplier<UUID> ids, int batchSize) {
        this.envelopes = envelopes;
        this.rotations = rotations;
        this.cipher = cipher;
        this.clock = clock;
        this.ids = ids;
        this.batchSize = batchSize;
    }

    /**
     * Switches sealing to {@code targetVersion}, records the rotation and runs it in the background; poll {@link #progress}.
     *
     * @throws UnknownRotationTarget (as the Mono's error) if the vault does not hold that version
     * @throws RotationAlreadyRunning (as the Mono's error) if this instance is still running one
     */
    public Mono<KeyRotation> start(int targetVersion) {
        UUID id = ids.get();
        return Mono.fromRunnable(() -> claim(id, targetVersion))
                .then(envelopes.countNotUnder(targetVersion))
                .map(total -> KeyRotation.start(id, targetVersion, total, clock.instant()))
                .flatMap(rotations::save)
                .doOnError(e -> running.compareAndSet(id, null))
                .doOnNext(started -> run(started).doFinally(signal -> running.compareAndSet(id, null)).subscribe(
                        done -> log.info("master key rotation finished rotationId={} targetVersion={} status={} "
                                        + "rewrapped={} failed={}", done.id(), done.targetVersion(), done.status(),
                                done.rewrapped(), done.failed()),
                        error -> log.error("master key rotation aborted rotationId={}", started.id(), error)));
    }

    public Mono<KeyRotation> progress(UUID id) {
        return rotations.find(id).switchIfEmpty(Mono.error(() -> new KeyRotationNotFound(id.toString())));
    }

    private void claim(UUID id, int targetVersion) {
        UUID other = running.compareAndExchange(null, id);
        if (other != null) {
            throw new RotationAlreadyRunning(other);
        }
        try {
            cipher.sealUnder(targetVersion);
        } catch (UnknownMasterKey e) {
            running.compareAndSet(id, null);
            throw new UnknownRotationTarget(targetVersion);
        }
        log.info("master key rotation started rotationId={} targetVersion={}", id, targetVersion);
    }

    private Mono<KeyRotation> run(KeyRotation rotation) {
        return sweep(rotation, ConcurrentHashMap.newKeySet())
                .flatMap(done -> rotations.save(done.finished(clock.instant())));
    }

    /** One pass over every envelope not under the target; another follows while a pass still moved something. */
    private Mono<KeyRotation> sweep(KeyRotation rotation, Set<UUID> failed) {
        return pass(new Pass(rotation, 0), null, failed)
                .flatMap(pass -> pass.moved() == 0 ? Mono.just(pass.rotation()) : sweep(pass.rotation(), failed));
    }

    private Mono<Pass> pass(Pass pass, UUID after, Set<UUID> failed) {
        int target = pass.rotation().targetVersion();
        return envelopes.notUnder(target, after, batchSize).collectList().flatMap(batch -> {
            if (batch.isEmpty()) {
                return Mono.just(pass);
            }
            UUID last = batch.get(batch.size() - 1).integrationId();
            return rewrap(batch, target, failed)
                    .flatMap(result -> rotations.save(pass.rotation().progressed(result.rewrapped(), result.newlyFailed()))
                            .map(saved -> new Pass(saved, pass.moved() + result.moved())))
                    .flatMap(next -> pass(next, last, failed));
        });
    }

    private Mono<BatchResult> rewrap(List<StoredEnvelope> batch, int target, Set<UUID> failed) {
        return Flux.fromIterable(batch).concatMap(stored -> rewrapOne(stored, target, failed))
                .reduce(new BatchResult(0, 0, 0), BatchResult::plus);
    }

    private Mono<BatchResult> rewrapOne(StoredEnvelope stored, int target, Set<UUID> failed) {
        try {
            var next = cipher.rewrap(stored.envelope(), stored.associatedData(), target);
            // a lost compare-and-set means a secret rotation replaced the row meanwhile: the next pass looks again
            return envelopes.swap(stored.integrationId(), stored.envelope(), next)
                    .map(swapped -> swapped ? new BatchResult(1, 0, 1) : new BatchResult(0, 0, 1));
        } catch (VaultException e) {
            if (!failed.add(stored.integrationId())) {
                return Mono.just(new BatchResult(0, 0, 0));
            }
            log.error("cannot re-wrap envelope integrationId={} reason={}", stored.integrationId(), e.getMessage());
            return Mono.just(new BatchResult(0, 1, 0));
        }
    }

    private record Pass(KeyRotation rotation, int moved) {
    }

    private record BatchResult(int rewrapped, int newlyFailed, int moved) {
        BatchResult plus(BatchResult other) {
            return new BatchResult(rewrapped + other.rewrapped, newlyFailed + other.newlyFailed, moved + other.moved);
        }
    }
}
