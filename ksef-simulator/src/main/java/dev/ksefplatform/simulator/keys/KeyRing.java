package dev.ksefplatform.simulator.keys;

import dev.ksefplatform.simulator.error.KsefException;
import dev.ksefplatform.simulator.shared.Crypto;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The keys currently published, one per usage; rotation withdraws the old key at once (emergency rotation). */
public final class KeyRing {

    private final SelfSignedCertificates certificates;
    private final Map<KeyUsage, SimulatorKey> current = new EnumMap<>(KeyUsage.class);

    public KeyRing(SelfSignedCertificates certificates) {
        this.certificates = certificates;
        Arrays.stream(KeyUsage.values()).forEach(this::rotate);
    }

    public synchronized void rotate(KeyUsage usage) {
        current.put(usage, certificates.create(usage));
    }

    public synchronized List<SimulatorKey> published() {
        return List.copyOf(current.values());
    }

    /**
     * Decrypts with the key of {@code usage}; a given {@code publicKeyId} must name it (21470 otherwise).
     *
     * @throws GeneralSecurityException when the ciphertext was not made for this key
     */
    public byte[] decrypt(KeyUsage usage, String publicKeyId, byte[] ciphertext) throws GeneralSecurityException {
        SimulatorKey key;
        synchronized (this) {
            key = current.get(usage);
        }
        if (publicKeyId != null && !publicKeyId.equals(key.publicKeyId())) {
            throw KsefException.unknownKey(publicKeyId);
        }
        return Crypto.rsaOaepDecrypt(key.keyPair().getPrivate(), ciphertext);
    }
}
