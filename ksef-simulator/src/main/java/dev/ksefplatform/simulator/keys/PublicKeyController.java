package dev.ksefplatform.simulator.keys;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v2/security/public-key-certificates} (public). */
@RestController
public class PublicKeyController {

    private final KeyRing keys;

    public PublicKeyController(KeyRing keys) {
        this.keys = keys;
    }

    @GetMapping("/v2/security/public-key-certificates")
    public List<PublicKeyCertificate> certificates() {
        return keys.published().stream().map(PublicKeyController::toResponse).toList();
    }

    private static PublicKeyCertificate toResponse(SimulatorKey key) {
        return new PublicKeyCertificate(Base64.getEncoder().encodeToString(key.der()), key.certificateId(),
                key.publicKeyId(), key.certificate().getNotBefore().toInstant(),
                key.certificate().getNotAfter().toInstant(), List.of(key.usage().name()));
    }

    record PublicKeyCertificate(String certificate, String certificateId, String publicKeyId,
                                Instant validFrom, Instant validTo, List<String> usage) {
    }
}
