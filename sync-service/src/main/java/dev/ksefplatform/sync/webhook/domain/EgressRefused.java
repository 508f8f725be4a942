package dev.ksefplatform.sync.webhook.domain;

/** A webhook URL whose host is, or resolves to, an address the platform does not send to (SSRF egress filter). */
public final class EgressRefused extends InvalidWebhook {

    public EgressRefused(String message) {
        super(message);
    }
}
