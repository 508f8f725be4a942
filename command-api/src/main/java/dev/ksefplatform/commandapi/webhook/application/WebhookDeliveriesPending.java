package dev.ksefplatform.commandapi.webhook.application;

/** A rotation would remove the webhook with deliveries still being retried: they would be lost. */
public final class WebhookDeliveriesPending extends RuntimeException {

    public WebhookDeliveriesPending(String webhookId, long pending) {
        super("webhook " + webhookId + " has " + pending + " deliveries still being retried; rotating now would drop "
                + "them: try again once they are delivered or failed");
    }
}
