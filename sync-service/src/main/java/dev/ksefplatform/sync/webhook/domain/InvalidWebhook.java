package dev.ksefplatform.sync.webhook.domain;

/** A webhook the service refuses to register. */
public class InvalidWebhook extends IllegalArgumentException {

    public InvalidWebhook(String message) {
        super(message);
    }
}
