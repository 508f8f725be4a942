package dev.ksefplatform.credentials.vault.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class EnvelopeCipherTest {

    private static final byte[] SECRET = "20251122-EC-ABCDEF|nip-5265877635|0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final AssociatedData TENANT_A = new AssociatedData("tenant-a", "KSEF_TOKEN", "TEST");

    private final FixedMasterKeys masterKeys = new FixedMasterKeys(1);
    private final EnvelopeCipher cipher = new EnvelopeCipher(masterKeys, new SecureRandom());

    @Test
    void opensWhatItSealedUnderTheSameAssociatedData() {
        Envelope envelope = cipher.seal(SECRET, TENANT_A);

        assertThat(cipher.open(envelope, TENANT_A)).isEqualTo(SECRET);
        assertThat(envelope.keyVersion()).isEqualTo(1);
    }

    @Test
    void ciphertextDoesNotContainTheSecret() {
        Envelope envelope = cipher.seal(SECRET, TENANT_A);

        assertThat(new String(envelope.ciphertext(), StandardCharsets.ISO_8859_1))
                .doesNotContain("nip-5265877635").doesNotContain("0123456789abcdef");
        assertThat(envelope.ciphertext()).hasSize(SECRET.length + 16);
    }

    @Test
    void usesAFreshDataKeyAndNoncePerSecret() {
        Envelope first = cipher.seal(SECRET, TENANT_A);
        Envelope second = cipher.seal(SECRET, TENANT_A);

        assertThat(first.wrappedKey()).isNotEqualTo(second.wrappedKey());
        assertThat(first.dataNonce()).isNotEqualTo(second.dataNonce());
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
    }

    @Test
    void refusesToOpenAnEnvelopeCopiedOntoAnotherTenant() {
        Envelope envelope = cipher.seal(SECRET, TENANT_A);

        assertThatThrownBy(() -> cipher.open(envelope, new AssociatedData("tenant-b", "KSEF_TOKEN", "TEST")))
                .isInstanceOf(EnvelopeRejected.class);
    }

    @Test
    void refusesToOpenUnderAnotherCredentialKindOrEnvironment() {
        Envelope envelope = cipher.seal(SECRET, TENANT_A);

        assertThatThrownBy(() -> cipher.open(envelope, new AssociatedData("tenant-a", "CERTIFICATE", "TEST")))
                .isInstanceOf(EnvelopeRejected.class);
        assertThatThrownBy(() -> cipher.open(envelope, new AssociatedData("tenant-a", "KSEF_TOKEN", "PROD")))
                .isInstanceOf(EnvelopeRejected.class);
    }

    @Test
    void detectsATamperedCiphertext() {
        Envelope envelope = cipher.seal(SECRET, TENANT_A);
        byte[] ciphertext = envelope.ciphertext();
        ciphertext[3] ^= 0x01;
        Envelope tampered = new Envelope(envelope.keyVersion(), envelope.wrapNonce(), envelope.wrappedKey(),
                envelope.dataNonce(), ciphertext);

        assertThatThrownBy(() -> cipher.open(tampered, TENANT_A)).isInstanceOf(EnvelopeRejected.class)
                .hasMessageContaining("data layer");
    }

    @Test
    void detectsATamperedWrappedKey() {
        Envelope envelope = cipher.seal(SECRET, TENANT_A);
        byte[] wrapped = envelope.wrappedKey();
        wrapped[0] ^= 0x40;
        Envelope tampered = new Envelope(envelope.keyVersion(), envelope.wrapNonce(), wrapped,
                envelope.dataNonce(), envelope.ciphertext());

        assertThatThrownBy(() -> cipher.open(tampered, TENANT_A)).isInstanceOf(EnvelopeRejected.class)
                .hasMessageContaining("key layer");
    }

    @Test
    void refusesAnEnvelopeRelabelledToAnotherMasterKeyVersion() {
        FixedMasterKeys two = new FixedMasterKeys(1, 2).useVersion(1);
        EnvelopeCipher twoKeys = new EnvelopeCipher(two, new SecureRandom());
        Envelope envelope = twoKeys.seal(SECRET, TENANT_A);
        Envelope relabelled = new Envelope(2, envelope.wrapNonce(), envelope.wrappedKey(), envelope.dataNonce(),
                envelope.ciphertext());

        assertThatThrownBy(() -> twoKeys.open(relabelled, TENANT_A)).isInstanceOf(EnvelopeRejected.class);
    }

    @Test
    void rewrapMovesTheDataKeyToTheTargetVersionAndTheOldVersionIsNoLongerNeeded() {
        FixedMasterKeys keys = new FixedMasterKeys(1, 2).useVersion(1);
        EnvelopeCipher rotating = new EnvelopeCipher(keys, new SecureRandom());
        Envelope old = rotating.seal(SECRET, TENANT_A);

        Envelope rewrapped = rotating.rewrap(old, TENANT_A, 2);
        keys.forget(1);

        assertThat(rewrapped.keyVersion()).isEqualTo(2);
        assertThat(rewrapped.ciphertext()).isEqualTo(old.ciphertext());
        assertThat(rotating.open(rewrapped, TENANT_A)).isEqualTo(SECRET);
        assertThatThrownBy(() -> rotating.open(old, TENANT_A)).isInstanceOf(UnknownMasterKey.class);
    }

    @Test
    void afterSwitchingTheSealingVersionNewEnvelopesUseItAndOldOnesStillOpen() {
        FixedMasterKeys keys = new FixedMasterKeys(1, 2).useVersion(1);
        EnvelopeCipher switching = new EnvelopeCipher(keys, new SecureRandom());
        Envelope before = switching.seal(SECRET, TENANT_A);

        switching.sealUnder(2);
        Envelope after = switching.seal(SECRET, TENANT_A);

        assertThat(before.keyVersion()).isEqualTo(1);
        assertThat(after.keyVersion()).isEqualTo(2);
        assertThat(switching.open(before, TENANT_A)).isEqualTo(SECRET);
        assertThat(switching.open(after, TENANT_A)).isEqualTo(SECRET);
    }

    @Test
    void refusesToSealUnderAVersionItDoesNotHold() {
        EnvelopeCipher one = new EnvelopeCipher(new FixedMasterKeys(1), new SecureRandom());

        assertThatThrownBy(() -> one.sealUnder(7)).isInstanceOf(UnknownMasterKey.class);
        assertThat(one.sealingVersion()).isEqualTo(1);
        assertThat(one.seal(SECRET, TENANT_A).keyVersion()).isEqualTo(1);
    }

    @Test
    void envelopeToStringShowsNoKeyMaterial() {
        Envelope envelope = cipher.seal(SECRET, TENANT_A);

        assertThat(envelope.toString()).doesNotContain("[B@").contains("keyVersion=1");
        assertThat(masterKeys.current().toString()).isEqualTo("MasterKey[version=1]");
    }
}
