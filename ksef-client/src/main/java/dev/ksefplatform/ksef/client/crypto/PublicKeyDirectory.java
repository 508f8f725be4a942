package dev.ksefplatform.ksef.client.crypto;

import dev.ksefplatform.ksef.client.error.KsefApiException;
import dev.ksefplatform.ksef.client.error.KsefError;
import dev.ksefplatform.ksef.client.error.KsefUnexpectedResponseException;
import dev.ksefplatform.ksef.client.http.KsefCall;
import dev.ksefplatform.ksef.client.http.KsefHttp;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The MF public keys, fetched once and cached; re-fetched after {@link #TTL}, when no cached key fits, or when KSeF
 * answers 21470 (the key was withdrawn, e.g. in an emergency rotation).
 */
public final class PublicKeyDirectory {

    static final Duration TTL = Duration.ofHours(6);

    private final KsefHttp http;
    private final Clock clock;
    private volatile Cached cached;

    private record Cached(List<MfPublicKey> keys, Instant fetchedAt) {
    }

    record CertificateDto(String certificate, String publicKeyId, Instant validFrom, Instant validTo, Set<String> usage) {
    }

    public PublicKeyDirectory(KsefHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /** Runs {@code operation} with the current key for {@code usage}; once more with a re-fetched key after 21470. */
    public <T> T withKey(KeyUsage usage, Function<MfPublicKey, T> operation) {
        try {
            return operation.apply(current(usage));
        } catch (KsefApiException e) {
            if (!e.hasErrorCode(KsefError.UNKNOWN_PUBLIC_KEY)) {
                throw e;
            }
            cached = null;
            return operation.apply(current(usage));
        }
    }

    public MfPublicKey current(KeyUsage usage) {
        Instant now = clock.instant();
        Cached snapshot = cached;
        Optional<MfPublicKey> found = snapshot == null || snapshot.fetchedAt().plus(TTL).isBefore(now)
                ? Optional.empty() : select(snapshot.keys(), usage, now);
        return found.orElseGet(() -> select(refresh(now).keys(), usage, now)
                .orElseThrow(() -> new KsefUnexpectedResponseException(200, "no valid " + usage + " public key", null)));
    }

    private static Optional<MfPublicKey> select(List<MfPublicKey> keys, KeyUsage usage, Instant now) {
        return keys.stream().filter(k -> k.usableFor(usage, now)).max(Comparator.comparing(MfPublicKey::validFrom));
    }

    private synchronized Cached refresh(Instant now) {
        CertificateDto[] dtos = http.call(KsefCall.get("/security/public-key-certificates", CertificateDto[].class));
        Cached fresh = new Cached(List.of(dtos).stream().map(PublicKeyDirectory::toKey).toList(), now);
        cached = fresh;
        return fresh;
    }

    private static MfPublicKey toKey(CertificateDto dto) {
        try {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(dto.certificate())));
            return new MfPublicKey(dto.publicKeyId(), certificate.getPublicKey(), dto.validFrom(), dto.validTo(),
                    dto.usage() == null ? Set.of() : dto.usage());
        } catch (CertificateException | IllegalArgumentException e) {
            throw new KsefUnexpectedResponseException(200, "unreadable MF public key certificate", e);
        }
    }
}
