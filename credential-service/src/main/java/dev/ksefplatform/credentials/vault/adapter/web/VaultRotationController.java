package dev.ksefplatform.credentials.vault.adapter.web;

import dev.ksefplatform.credentials.integration.domain.InvalidRequest;
import dev.ksefplatform.credentials.vault.application.KeyRotationNotFound;
import dev.ksefplatform.credentials.vault.application.MasterKeyRotation;
import dev.ksefplatform.credentials.vault.domain.KeyRotation;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Master-key rotation (caller {@code admin}). */
@RestController
@RequestMapping("/admin/v1/vault/rotations")
public class VaultRotationController {

    private final MasterKeyRotation rotation;

    public VaultRotationController(MasterKeyRotation rotation) {
        this.rotation = rotation;
    }

    @PostMapping
    public Mono<ResponseEntity<RotationBody>> start(@RequestBody Mono<StartRotationBody> request) {
        return request.switchIfEmpty(Mono.error(() -> new InvalidRequest("a body {\"targetVersion\": n} is required")))
                .flatMap(body -> rotation.start(body.requiredTarget())).map(RotationBody::of).map(body -> ResponseEntity
                .accepted().location(URI.create("/admin/v1/vault/rotations/" + body.rotationId())).body(body));
    }

    @GetMapping("/{id}")
    public Mono<RotationBody> progress(@PathVariable String id) {
        return Mono.fromCallable(() -> UUID.fromString(id))
                .onErrorMap(IllegalArgumentException.class, e -> new KeyRotationNotFound(id))
                .flatMap(rotation::progress).map(RotationBody::of);
    }

    public record StartRotationBody(Integer targetVersion) {

        int requiredTarget() {
            if (targetVersion == null) {
                throw new InvalidRequest("targetVersion is required: the master-key version to move every envelope to");
            }
            return targetVersion;
        }
    }

    public record RotationBody(String rotationId, int targetVersion, String status, int total, int rewrapped,
                               int failed, java.time.Instant startedAt, java.time.Instant finishedAt) {

        static RotationBody of(KeyRotation r) {
            return new RotationBody(r.id().toString(), r.targetVersion(), r.status().name(), r.total(), r.rewrapped(),
                    r.failed(), r.startedAt(), r.finishedAt());
        }
    }
}
