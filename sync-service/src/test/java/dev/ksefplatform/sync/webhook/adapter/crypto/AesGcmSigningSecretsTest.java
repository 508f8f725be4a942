package dev.ksefplatform.sync.webhook.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ksefplatform.sync.webhook.domain.SealedSecret;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AesGcmSigningSecretsTest {

    private static final String SECRET = "whsec_Q2hlY2tzIGFyZSBub3QgcmVhbGx5IHNlY3JldHM";
    private static final String K1 = key();
    private static final String K2 = key();

    private final AesGcmSigningSecrets secrets = new AesGcmSigningSecrets(Map.of("k1", K1), "k1", new SecureRandom());

    @Test
    void aSealedSecretOpensForItsWebhookAndHoldsNoClearText() {
        SealedSecret sealed = secrets.seal("hook-1", "tenant-a", SECRET);

        assertThat(sealed.keyId()).isEqualTo("k1");
        assertThat(new String(sealed.sealed(), StandardCharsets.ISO_8859_1)).doesNotContain(SECRET)
                .doesNotContain("whsec_");
        assertThat(secrets.open("hook-1", "tenant-a", sealed)).isEqualTo(SECRET);
        assertThat(secrets.seal("hook-1", "tenant-a", SECRET).sealed()).as("a fresh nonce each time")
                .isNotEqualTo(sealed.sealed());
        assertThat(sealed.toString()).doesNotContain(SECRET);
    }

    @Test
    void sealedBytesCopiedToAnotherWebhookOrTenantOrAlteredDoNotOpen() {
        SealedSecret sealed = secrets.seal("hook-1", "tenant-a", SECRET);
        byte[] altered = sealed.sealed().clone();
        altered[altered.length - 1] ^= 1;

        assertThatThrownBy(() -> secrets.open("hook-2", "tenant-a", sealed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> secrets.open("hook-1", "tenant-b", sealed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> secrets.open("hook-1", "tenant-a", new SealedSecret("k1", altered)))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining(SECRET);
    }

    @Test
    void afterRotationNewSecretsAreSealedUnderTheNewKeyAndOldRowsStillOpen() {
        SealedSecret old = secrets.seal("hook-1", "tenant-a", SECRET);
        AesGcmSigningSecrets rotated = new AesGcmSigningSecrets(Map.of("k1", K1, "k2", K2), "k2", new SecureRandom());

        SealedSecret fresh = rotated.seal("hook-2", "tenant-a", SECRET);

        assertThat(fresh.keyId()).isEqualTo("k2");
        assertThat(rotated.open("hook-1", "tenant-a", old)).isEqualTo(SECRET);
        assertThat(rotated.open("hook-2", "tenant-a", fresh)).isEqualTo(SECRET);
        assertThatThrownBy(() -> rotated.open("hook-1", "tenant-a", new SealedSecret("k2", old.sealed())))
                .as("relabelled to another key").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> secrets.open("hook-2", "tenant-a", fresh)).as("a key this instance lacks")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesAConfigurationWithoutAUsableCurrentKey() {
        assertThatThrownBy(() -> new AesGcmSigningSecrets(Map.of("k1", K1), "k9", new SecureRandom()))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining(K1);
        assertThatThrownBy(() -> new AesGcmSigningSecrets(Map.of("k1", "c2hvcnQ="), "k1", new SecureRandom()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new AesGcmSigningSecrets(null, null, new SecureRandom()))
                .isInstanceOf(IllegalStateException.class);
    }

    private static String key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
