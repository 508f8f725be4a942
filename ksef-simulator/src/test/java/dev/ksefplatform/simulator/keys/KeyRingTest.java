package dev.ksefplatform.simulator.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ksefplatform.simulator.error.KsefException;
import dev.ksefplatform.simulator.support.ClientCrypto;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class KeyRingTest {

    private static final KeyRing RING = new KeyRing(new SelfSignedCertificates(Clock.systemUTC()));

    @Test
    void publishesOneRsa2048KeyPerUsageWithTheSpkiHashAsItsId() throws Exception {
        assertThat(RING.published()).extracting(SimulatorKey::usage)
                .containsExactlyInAnyOrder(KeyUsage.KsefTokenEncryption, KeyUsage.SymmetricKeyEncryption);
        for (SimulatorKey key : RING.published()) {
            var certificateKey = ClientCrypto.publicKey(Base64.getEncoder().encodeToString(key.der()));
            String spkiHash = Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(certificateKey.getEncoded()));
            assertThat(key.publicKeyId()).isEqualTo(spkiHash).hasSize(44);
            assertThat(((java.security.interfaces.RSAPublicKey) certificateKey).getModulus().bitLength()).isEqualTo(2048);
        }
    }

    @Test
    void decryptsWhatAClientEncryptedToThePublishedCertificate() throws Exception {
        SimulatorKey key = key(KeyUsage.KsefTokenEncryption);
        byte[] encrypted = ClientCrypto.rsaOaep(ClientCrypto.publicKey(Base64.getEncoder().encodeToString(key.der())),
                "token|1".getBytes(StandardCharsets.UTF_8));

        byte[] plain = RING.decrypt(KeyUsage.KsefTokenEncryption, key.publicKeyId(), encrypted);

        assertThat(new String(plain, StandardCharsets.UTF_8)).isEqualTo("token|1");
    }

    @Test
    void refusesAWithdrawnKeyIdWith21470AfterRotation() {
        String old = key(KeyUsage.SymmetricKeyEncryption).publicKeyId();

        RING.rotate(KeyUsage.SymmetricKeyEncryption);

        assertThat(key(KeyUsage.SymmetricKeyEncryption).publicKeyId()).isNotEqualTo(old);
        assertThatThrownBy(() -> RING.decrypt(KeyUsage.SymmetricKeyEncryption, old, new byte[256]))
                .isInstanceOfSatisfying(KsefException.class, e -> assertThat(e.code()).isEqualTo(21470));
    }

    private static SimulatorKey key(KeyUsage usage) {
        return RING.published().stream().filter(k -> k.usage() == usage).findFirst().orElseThrow();
    }
}
