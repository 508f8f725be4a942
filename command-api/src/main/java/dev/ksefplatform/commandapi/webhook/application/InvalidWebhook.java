package dev.ksefplatform.commandapi.webhook.application;

/** A webhook the read model refused (its detail says why: a URL that is not absolute HTTPS, too many webhooks). */
public final class InvalidWebhook extends RuntimeException {

    public InvalidWebhook(String detail) {
        super(detail);
    }
}
