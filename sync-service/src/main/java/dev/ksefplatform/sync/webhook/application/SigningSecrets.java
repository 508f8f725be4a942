package dev.ksefplatform.sync.webhook.application;

import dev.ksefplatform.sync.webhook.domain.SealedSecret;

/** Seals webhook signing secrets for storage and opens them to sign; bound to the webhook and its tenant. */
public interface SigningSecrets {

    SealedSecret seal(String webhookId, String tenantId, String secret);

    /** @throws IllegalStateException when the key is unknown or the sealed bytes do not belong to this webhook */
    String open(String webhookId, String tenantId, SealedSecret sealed);
}
