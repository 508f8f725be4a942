package dev.ksefplatform.commandapi.webhook.application;

/** Unknown or another tenant's webhook id: one answer for both. */
public final class WebhookNotFound extends RuntimeException {

    public WebhookNotFound(String webhookId) {
        super("webhook " + webhookId + " not found");
    }
}
