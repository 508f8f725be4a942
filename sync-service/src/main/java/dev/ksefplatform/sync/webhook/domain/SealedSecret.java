package dev.ksefplatform.sync.webhook.domain;

/**
 * A webhook's signing secret as stored: AES-GCM over the secret ({@code sealed} = nonce, ciphertext and tag), under
 * the key {@code keyId} names, so keys can rotate while older rows still open.
 */
public record SealedSecret(String keyId, byte[] sealed) {

    @Override
    public String toString() {
        return "SealedSecret[keyId=" + keyId + ", " + sealed.length + " bytes]";
    }
}
