package dev.ksefplatform.credentials.vault.domain;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Envelope encryption with BouncyCastle's lightweight AES-256-GCM: a fresh data key per secret,
 * wrapped by the sealing master key; both layers authenticate the same associated data. The sealing
 * version starts as {@link MasterKeys#current()} and a master-key rotation switches it at run time.
 */
public final class EnvelopeCipher {

    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final MasterKeys masterKeys;
    private final SecureRandom random;
    private final AtomicInteger sealingVersion;

    public EnvelopeCipher(MasterKeys masterKeys, SecureRandom random) {
        this.masterKeys = masterKeys;
        this.random = random;
        this.sealingVersion = new AtomicInteger(masterKeys.current().version());
    }

    /**
     * New envelopes are sealed under {@code version} from now on.
     *
     * @throws UnknownMasterKey if that version is not available
     */
    public void sealUnder(int version) {
        masterKeys.byVersion(version);
        sealingVersion.set(version);
    }

    public int sealingVersion() {
        return sealingVersion.get();
    }

    public Envelope seal(byte[] secret, AssociatedData associatedData) {
        byte[] dataKey = randomBytes(KEY_BYTES);
        try {
            byte[] ad = associatedData.encode();
            byte[] dataNonce = randomBytes(NONCE_BYTES);
            byte[] ciphertext = gcm(true, dataKey, dataNonce, ad, secret);
            return wrap(masterKeys.byVersion(sealingVersion.get()), dataKey, dataNonce, ciphertext, ad);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /** The caller owns the returned bytes and should zero them when done. */
    public byte[] open(Envelope envelope, AssociatedData associatedData) {
        byte[] ad = associatedData.encode();
        byte[] dataKey = unwrap(envelope, ad);
        try {
            return gcmOrReject("data layer", false, dataKey, envelope.dataNonce(), ad, envelope.ciphertext());
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /** Re-wraps the data key under master key {@code targetVersion}; the secret itself is never decrypted. */
    public Envelope rewrap(Envelope envelope, AssociatedData associatedData, int targetVersion) {
        MasterKey target = masterKeys.byVersion(targetVersion);
        byte[] ad = associatedData.encode();
        byte[] dataKey = unwrap(envelope, ad);
        try {
            return wrap(target, dataKey, envelope.dataNonce(), envelope.ciphertext(), ad);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    private Envelope wrap(MasterKey master, byte[] dataKey, byte[] dataNonce, byte[] ciphertext, byte[] ad) {
        byte[] wrapNonce = randomBytes(NONCE_BYTES);
        byte[] wrapped = gcm(true, master.key(), wrapNonce, wrapAd(master.version(), ad), dataKey);
        return new Envelope(master.version(), wrapNonce, wrapped, dataNonce, ciphertext);
    }

    private byte[] unwrap(Envelope envelope, byte[] ad) {
        MasterKey master = masterKeys.byVersion(envelope.keyVersion());
        return gcmOrReject("key layer", false, master.key(), envelope.wrapNonce(),
                wrapAd(envelope.keyVersion(), ad), envelope.wrappedKey());
    }

    /** The key version is authenticated too, so an envelope cannot be relabelled to another master key. */
    private static byte[] wrapAd(int version, byte[] ad) {
        byte[] out = Arrays.copyOf(ad, ad.length + 4);
        out[ad.length] = (byte) (version >>> 24);
        out[ad.length + 1] = (byte) (version >>> 16);
        out[ad.length + 2] = (byte) (version >>> 8);
        out[ad.length + 3] = (byte) version;
        return out;
    }

    private static byte[] gcmOrReject(String layer, boolean encrypt, byte[] key, byte[] nonce, byte[] ad, byte[] input) {
        try {
            return run(encrypt, key, nonce, ad, input);
        } catch (InvalidCipherTextException e) {
            throw new EnvelopeRejected(layer, e);
        }
    }

    private static byte[] gcm(boolean encrypt, byte[] key, byte[] nonce, byte[] ad, byte[] input) {
        try {
            return run(encrypt, key, nonce, ad, input);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("GCM encryption cannot fail authentication", e);
        }
    }

    private static byte[] run(boolean encrypt, byte[] key, byte[] nonce, byte[] ad, byte[] input)
            throws InvalidCipherTextException {
        GCMModeCipher cipher = GCMBlockCipher.newInstance(AESEngine.newInstance());
        cipher.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, ad));
        byte[] out = new byte[cipher.getOutputSize(input.length)];
        int length = cipher.processBytes(input, 0, input.length, out, 0);
        length += cipher.doFinal(out, length);
        return length == out.length ? out : Arrays.copyOf(out, length);
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
